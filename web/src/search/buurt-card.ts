/**
 * The buurt card: what a planner wants to know on clicking a buurt — its stock by tenure, its energy labels,
 * its mean retrofit priority and its safety signals (the disclosure-controlled figures of the safety panel,
 * never more) — with the map zoomed to the buurt.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Buurten } from '../api.ts';
import type { EngineClient } from '../engine-client.ts';
import { formatCount, formatShare } from '../format.ts';
import { focusBoundsOf } from '../map-view.ts';
import { formatPoints } from '../retrofit/popup-model.ts';
import { el } from '../retrofit/dom.ts';
import { buurtSummaries, type CategoryCount } from '../stats-summary.ts';

export interface BuurtCardDeps {
  map: MapLibreMap;
  root: HTMLElement;
  buurten: Promise<Buurten>;
  engine: Promise<EngineClient>;
  /** Mean priority and dwellings of a buurt under the current weights; null until scored. */
  priority(buurtcode: string): { count: number; meanPriority: number } | null;
}

/** "corporatie 62,0% · eigenaar-bewoner 30,1% · …", largest first, categories without dwellings left out. */
export function sharesLine(categories: readonly CategoryCount[]): string {
  return [...categories]
    .filter((c) => c.count > 0)
    .sort((a, b) => b.count - a.count)
    .map((c) => `${c.label} ${formatShare(c.share)}`)
    .join(' · ');
}

/** Share of dwellings with label E, F or G. */
export function shareEFG(categories: readonly CategoryCount[]): number {
  return categories.filter((c) => ['E', 'F', 'G'].includes(c.value)).reduce((a, c) => a + c.share, 0);
}

export interface BuurtCard {
  open(buurtcode: string, zoom: boolean): Promise<void>;
  close(): void;
}

export function createBuurtCard(d: BuurtCardDeps): BuurtCard {
  const { root } = d;
  const close = (): void => {
    root.hidden = true;
    root.replaceChildren();
    delete root.dataset.buurtcode;
  };
  let seq = 0;
  return {
    close,
    async open(code, zoom) {
      const mine = ++seq;
      const buurten = await d.buurten;
      const f = buurten.features.find((x) => x.properties.buurtcode === code);
      if (!f) return;
      const name = f.properties.buurtnaam;
      if (zoom) {
        const b = focusBoundsOf([f]);
        if (b) d.map.fitBounds(b, { padding: 50, duration: 500 });
      }
      const closeBtn = el('button', 'buurt-card-close', '×');
      closeBtn.type = 'button';
      closeBtn.setAttribute('aria-label', 'Buurtkaart sluiten');
      closeBtn.addEventListener('click', close);
      const facts = el('dl');
      const row = (label: string, value: string): void => {
        facts.append(el('dt', null, label), el('dd', null, value));
      };
      root.dataset.buurtcode = code;
      root.dataset.state = 'loading';
      root.className = 'buurt-card';
      root.hidden = false;
      root.replaceChildren(closeBtn, el('h2', null, name), el('p', 'muted', `CBS-buurt ${code}`), facts);
      row('Woningen', formatCount(f.properties.dwellings ?? 0));
      if ((f.properties.dwellings ?? 0) === 0) {
        root.dataset.state = 'ready';
        root.append(el('p', 'muted', 'Geen woningen in de dataset voor deze buurt.'));
        return;
      }
      const engine = await d.engine;
      const names = new Map([[code, name]]);
      const [own, lab] = await Promise.all([engine.stats(['buurt', 'ownership']), engine.stats(['buurt', 'label'])]);
      if (mine !== seq) return;
      const ownership = buurtSummaries(own, 'ownership', names).find((b) => b.buurtcode === code);
      const labels = buurtSummaries(lab, 'label', names).find((b) => b.buurtcode === code);
      if (ownership) row('Eigendom', sharesLine(ownership.categories));
      if (labels) row('Energielabel E, F of G', formatShare(shareEFG(labels.categories)));
      const p = d.priority(code);
      row('Gem. prioriteit verduurzaming', p ? `${formatPoints(p.meanPriority)} (0–100)` : 'wordt berekend…');
      const safety = document.querySelector(`#safety-panel .safety-buurt[data-buurtcode="${code}"] dl`);
      root.append(el('h3', null, 'Veiligheid (signalen)'));
      if (safety) {
        const copy = safety.cloneNode(true) as HTMLElement;
        root.append(
          copy,
          el('p', 'source-note', 'Aantallen onder 10 niet getoond, overige afgerond (zie Veiligheid).'),
        );
      } else root.append(el('p', 'muted', 'Geen gepubliceerde signalen voor deze buurt.'));
      root.dataset.state = 'ready';
    },
  };
}
