import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import { getJson } from '../api.ts';
import type { LayerList } from '../layers/layer-list.ts';
import { legendItems } from '../layers/legend-items.ts';
import { claimClicks } from '../map-click-claims.ts';
import { el } from '../retrofit/dom.ts';
import {
  INTERVENTIONS,
  INTERVENTION_NL,
  PotentialCollection,
  UNKNOWN_COLOR,
  blockCard,
  fillColor,
  legendStops,
  type PotentialProps,
} from './potential-model.ts';

/**
 * The potentiekaart (every role): blocks filled by their potential for the chosen intervention, on the real range
 * of the blocks shown; a click opens the block card with indicators, points and reasons. Off by default. Export
 * links for the roles the server allows (gemeente, Alwel; audited there).
 */
export const POTENTIAL_SOURCE = 'potential';
export const POTENTIAL_LAYER = 'potential-fill';
export const POTENTIAL_LINE_LAYER = 'potential-line';
/** The roles server/routes/potential-routes.ts lets export (the acquisition roles). */
const EXPORT_ROLES: readonly string[] = ['gemeente', 'alwel'];

const one = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

export interface PotentialView {
  /** The legend of the current intervention (for the layer list). */
  legend(): HTMLElement;
}

function legendOf(fc: PotentialCollection): HTMLElement {
  const stops = legendStops(fc.range);
  const note = fc.range
    ? `Kleur over het werkelijke bereik van de blokken: ${one.format(fc.range.min)} tot ${one.format(fc.range.max)} (schaal 0–100).`
    : 'Geen blok met een bekende potentie.';
  return legendItems(
    [
      ...stops.map((s) => ({ color: s.color, label: `potentie ${s.label}`, shape: 'square' as const })),
      { color: UNKNOWN_COLOR, label: 'onbekend (geen gegevens)', shape: 'square' as const },
    ],
    note,
  );
}

function renderCard(root: HTMLElement, p: PotentialProps, names: ReadonlyMap<string, string>): void {
  const c = blockCard(p, names);
  const table = el('table', 'potential-indicators');
  const head = el('tr');
  head.append(el('th', null, 'Indicator'), el('th', null, 'Waarde'), el('th', null, 'Bijdrage'));
  table.append(head);
  for (const r of c.rows) {
    const tr = el('tr');
    const name = el('td');
    name.append(el('span', null, r.name), el('br'), el('small', 'muted', r.fact));
    tr.append(name, el('td', null, r.value), el('td', null, r.points));
    table.append(tr);
  }
  const reasons = el('ul', 'potential-reasons');
  for (const r of c.reasons) reasons.append(el('li', null, r));
  root.replaceChildren(
    el('h3', null, c.title),
    el('p', 'muted', c.subtitle),
    el('p', 'potential-value', `Potentie: ${c.potential}`),
    table,
    el('h4', null, 'Redenen'),
    reasons,
  );
  root.dataset.blockId = p.blockId;
  root.hidden = false;
}

export async function installPotentialLayer(
  map: MapLibreMap,
  panel: HTMLElement,
  role: string,
  mapLoaded: Promise<void>,
): Promise<PotentialView> {
  panel.replaceChildren(el('h2', null, 'Potentiekaart'), el('p', 'muted', 'Potentie per blok wordt geladen…'));
  const load = (i: string) => getJson(`/api/potential?intervention=${encodeURIComponent(i)}`, PotentialCollection);
  let fc = await load(INTERVENTIONS[0]);
  await mapLoaded;
  const names = new Map(fc.indicators.map((i) => [i.id, i.name]));
  map.addSource(POTENTIAL_SOURCE, { type: 'geojson', data: fc as unknown as GeoJSON.FeatureCollection });
  const under = map.getLayer('buildings') ? 'buildings' : undefined;
  map.addLayer(
    {
      id: POTENTIAL_LAYER,
      type: 'fill',
      source: POTENTIAL_SOURCE,
      layout: { visibility: 'none' },
      paint: { 'fill-color': fillColor(legendStops(fc.range)) as never, 'fill-opacity': 0.7 },
    },
    under,
  );
  map.addLayer(
    {
      id: POTENTIAL_LINE_LAYER,
      type: 'line',
      source: POTENTIAL_SOURCE,
      layout: { visibility: 'none' },
      paint: { 'line-color': '#00441b', 'line-width': 0.8 },
    },
    under,
  );

  const card = el('section', 'potential-card');
  card.hidden = true;
  const legendBox = el('div', 'potential-legend');
  const note = el('p', 'source-note');
  const exports = el('p', 'export-links');

  const select = el('select');
  select.id = 'potential-intervention';
  for (const i of INTERVENTIONS) {
    const o = el('option', null, INTERVENTION_NL[i]);
    o.value = i;
    select.append(o);
  }
  const box = el('input');
  box.type = 'checkbox';
  box.id = 'potential-toggle';
  const setVisible = (v: boolean) => {
    for (const l of [POTENTIAL_LAYER, POTENTIAL_LINE_LAYER])
      map.setLayoutProperty(l, 'visibility', v ? 'visible' : 'none');
  };
  box.addEventListener('change', () => setVisible(box.checked));
  const toggle = el('label', 'layer-toggle');
  toggle.append(box, ' Toon op de kaart');

  const render = () => {
    map.getSource<GeoJSONSource>(POTENTIAL_SOURCE)?.setData(fc as unknown as GeoJSON.FeatureCollection);
    map.setPaintProperty(POTENTIAL_LAYER, 'fill-color', fillColor(legendStops(fc.range)) as never);
    legendBox.replaceChildren(legendOf(fc));
    note.textContent = `${fc.synthetic ? 'Synthetische gegevens. ' : ''}${fc.weightsVersion}; onderhoud geteld vanaf ${fc.referenceYear}. Bronnen: ${fc.indicators.map((i) => `${i.name}: ${i.source}`).join('; ')}.`;
    exports.replaceChildren();
    if (EXPORT_ROLES.includes(role)) {
      exports.append('Exporteer: ');
      (['csv', 'xlsx', 'geojson'] as const).forEach((f, i) => {
        const a = el('a', 'export-link potential-export', f.toUpperCase());
        a.href = `/api/potential/export?format=${f}&intervention=${fc.intervention}`;
        a.download = '';
        exports.append(...(i > 0 ? [' · '] : []), a);
      });
    } else exports.append('Exporteren kan met de rollen gemeente en Alwel.');
    const open = card.dataset.blockId;
    const again = open ? fc.features.find((f) => f.id === open) : undefined;
    if (again) renderCard(card, again.properties, names);
    panel.dataset.intervention = fc.intervention;
  };
  select.addEventListener('change', () => {
    panel.dataset.state = 'loading';
    load(select.value).then(
      (next) => {
        fc = next;
        render();
        panel.dataset.state = 'ready';
      },
      (err: unknown) => {
        panel.dataset.state = 'error';
        note.textContent = `Potentie niet geladen: ${err instanceof Error ? err.message : String(err)}`;
      },
    );
  });

  claimClicks(map, [POTENTIAL_LAYER]);
  map.on('click', POTENTIAL_LAYER, (e) => {
    const id = String(e.features?.[0]?.properties?.blockId ?? '');
    const f = fc.features.find((x) => x.id === id);
    if (f) renderCard(card, f.properties, names);
  });

  const label = el('label', null, 'Interventie ');
  label.append(select);
  panel.replaceChildren(el('h2', null, 'Potentiekaart'), label, toggle, legendBox, card, exports, note);
  render();
  panel.dataset.state = 'ready';
  return { legend: () => legendOf(fc) };
}

export function addPotentialRow(list: LayerList, map: MapLibreMap, view: PotentialView): void {
  list.add({
    id: 'potentie',
    label: 'Potentie per blok',
    group: 'overlay',
    layers: [POTENTIAL_LAYER, POTENTIAL_LINE_LAYER],
    toggleId: 'potential-toggle',
    legend: () => (map.getLayer(POTENTIAL_LAYER) ? view.legend() : null),
  });
}
