import type { Map as MapLibreMap } from 'maplibre-gl';
import { VveAssessmentSchema, VveRankingSchema } from '../../../engine/vve/vve-schemas.ts';
import { getJson } from '../api.ts';
import { claimClicks } from '../map-click-claims.ts';
import { z } from 'zod';
import {
  SCORE_CLASSES,
  VVE_EXPORT_LINKS,
  buildingColorExpression,
  buildingFilter,
  centroidCollection,
  detailSections,
  exportHref,
  formatScore,
  mayExport,
  rankingSummary,
  type Role,
  type VveItem,
} from './vve-model.ts';
import './vve.css';

/**
 * The VvE layer ("VvE-pilot"): buildings outlined by VvE and a point per VvE, coloured by pilot score; the
 * panel shows the shortlist, the ranking, a Dutch detail panel for the chosen VvE (click on the map or in the
 * list) with the model's assumptions, and export links (CSV for Excel, XLSX; audited by the server).
 */
export const VVE_SOURCE = 'vve-points';
export const VVE_POINTS_LAYER = 'vve-points';
export const VVE_BUILDINGS_LAYER = 'vve-buildings';

export interface VveTestHooks {
  state: 'loading' | 'ready' | 'error';
  count: number;
  selected: string | null;
  error: string | null;
}

declare global {
  interface Window {
    __voorraadVve?: VveTestHooks;
  }
}

const Detail = z.object({
  vve: VveAssessmentSchema.nullable(),
  rejected: z
    .object({ vveId: z.string(), issues: z.array(z.object({ code: z.string(), message: z.string() })) })
    .nullable(),
});

function el(tag: string, text?: string, className?: string): HTMLElement {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (className) e.className = className;
  return e;
}

function renderDetail(box: HTMLElement, v: VveItem): void {
  const sections = detailSections(v)
    .map((s) => {
      const dl = el('dl');
      for (const r of s.rows) dl.append(el('dt', r.label), el('dd', r.value));
      return [el('h4', s.title), dl];
    })
    .flat();
  const reasons = el('ul', undefined, 'reasons');
  for (const r of v.reasons) {
    const li = el('li', r.text);
    li.dataset.code = r.code;
    reasons.append(li);
  }
  const assumed = v.assumptions.map((a) => el('p', `Aanname: ${a.assumed}`, 'source-note'));
  box.replaceChildren(
    el('h3', v.name),
    el('p', v.vveId, 'muted'),
    ...sections,
    el('h4', 'Waarom deze score'),
    reasons,
    ...assumed,
  );
  box.dataset.vveId = v.vveId;
}

export async function installVveLayer(
  map: MapLibreMap,
  panel: HTMLElement,
  role: Role,
  mapLoaded: Promise<void>,
): Promise<void> {
  const hooks: VveTestHooks = (window.__voorraadVve = { state: 'loading', count: 0, selected: null, error: null });
  panel.replaceChildren(el('h2', 'VvE-pilot'), el('p', "VvE's worden gerangschikt…", 'muted'));
  try {
    const [body] = await Promise.all([getJson('/api/vve', VveRankingSchema), mapLoaded]);
    map.addSource(VVE_SOURCE, { type: 'geojson', data: centroidCollection(body.vves) });
    map.addLayer({
      id: VVE_BUILDINGS_LAYER,
      type: 'line',
      source: 'basemap',
      'source-layer': 'buildings',
      minzoom: 13,
      filter: buildingFilter(body.vves),
      layout: { visibility: 'none' },
      paint: { 'line-color': buildingColorExpression(body.vves), 'line-width': 2.5 },
    });
    map.addLayer({
      id: VVE_POINTS_LAYER,
      type: 'circle',
      source: VVE_SOURCE,
      layout: { visibility: 'none' },
      paint: {
        'circle-color': ['get', 'color'],
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 11, 4, 16, 9],
        'circle-stroke-color': ['case', ['get', 'shortlisted'], '#111111', '#ffffff'],
        'circle-stroke-width': ['case', ['get', 'shortlisted'], 2.5, 1],
      },
    });

    const detail = el('div', 'Kies een VvE op de kaart of in de lijst.', 'vve-detail muted');
    detail.id = 'vve-detail';
    const byId = new Map(body.vves.map((v) => [v.vveId, v]));
    const byPand = new Map(body.vves.flatMap((v) => v.pandIds.map((p) => [p, v.vveId] as const)));
    const select = async (vveId: string, fly: boolean) => {
      const v = byId.get(vveId);
      if (!v) return;
      hooks.selected = vveId;
      renderDetail(detail, v);
      if (fly) map.easeTo({ center: v.location, zoom: Math.max(map.getZoom(), 15.5), duration: 0 });
      // The detail route carries the same assessment; fetching it keeps the panel true to the server's latest answer.
      const fresh = await getJson(`/api/vve/${encodeURIComponent(vveId)}`, Detail);
      if (fresh.vve && hooks.selected === vveId) renderDetail(detail, fresh.vve);
    };
    const onClick = (id: string | undefined) => {
      if (id) void select(id, false).catch(fail);
    };
    // The VvE detail panel answers these clicks; the dwelling popup underneath stays closed.
    claimClicks(map, [VVE_POINTS_LAYER, VVE_BUILDINGS_LAYER]);
    map.on('click', VVE_POINTS_LAYER, (e) => onClick(String(e.features?.[0]?.properties?.vveId ?? '')));
    map.on('click', VVE_BUILDINGS_LAYER, (e) => onClick(byPand.get(String(e.features?.[0]?.properties?.pandId ?? ''))));
    for (const id of [VVE_POINTS_LAYER, VVE_BUILDINGS_LAYER]) {
      map.on('mouseenter', id, () => {
        map.getCanvas().style.cursor = 'pointer';
      });
      map.on('mouseleave', id, () => {
        map.getCanvas().style.cursor = '';
      });
    }

    const toggle = el('label', undefined, 'layer-toggle');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.id = 'vve-toggle';
    box.addEventListener('change', () => {
      for (const id of [VVE_POINTS_LAYER, VVE_BUILDINGS_LAYER])
        map.setLayoutProperty(id, 'visibility', box.checked ? 'visible' : 'none');
    });
    toggle.append(box, " Toon VvE's op de kaart (panden omlijnd, kleur = score)");

    const legend = el('div', undefined, 'vve-legend');
    for (const k of SCORE_CLASSES) {
      const swatch = el('span', undefined, 'vve-swatch');
      swatch.style.background = k.color;
      legend.append(swatch, ` ${k.label} `);
    }

    const exports = el('p', undefined, 'export-links');
    if (mayExport(role)) {
      exports.append('Exporteer de rangschikking: ');
      VVE_EXPORT_LINKS.forEach((l, i) => {
        const a = document.createElement('a');
        a.href = exportHref(l.format);
        a.download = '';
        a.dataset.format = l.format;
        a.className = 'export-link vve-export';
        a.textContent = l.label;
        exports.append(...(i > 0 ? [' · '] : []), a);
      });
    } else exports.append('Exporteren kan met de rollen gemeente, Alwel en VHF.');

    const list = (items: VveItem[], className: string) => {
      const ol = el('ol', undefined, className);
      for (const v of items) {
        const li = document.createElement('li');
        const b = el('button', `${v.rank}. ${v.name}`, 'vve-item') as HTMLButtonElement;
        b.type = 'button';
        b.dataset.vveId = v.vveId;
        b.addEventListener('click', () => {
          void select(v.vveId, true).catch(fail);
        });
        li.append(
          b,
          el(
            'span',
            ` score ${formatScore(v.score)} · ${v.units} rechten${v.corporationControlled ? ' · corporatie bepalend' : ''}`,
            'muted',
          ),
        );
        ol.append(li);
      }
      return ol;
    };
    const notes = el('details', undefined, 'vve-assumptions');
    notes.append(el('summary', 'Aannames van het model'), ...body.assumptions.map((a) => el('p', a, 'source-note')));
    const rejected = body.rejected.map((r) =>
      el('p', `Niet gerangschikt: ${r.vveId} — ${r.issues.map((i) => i.code).join(', ')}`, 'vve-rejected'),
    );

    panel.replaceChildren(
      el('h2', 'VvE-pilot'),
      el('p', rankingSummary(body), 'vve-summary'),
      toggle,
      legend,
      exports,
      el('h3', 'Pilot-shortlist'),
      list(
        body.vves.filter((v) => v.shortlisted),
        'vve-shortlist',
      ),
      el('h3', 'Rangschikking (top 10)'),
      list(body.vves.slice(0, 10), 'vve-ranking'),
      ...rejected,
      detail,
      notes,
    );
    hooks.count = body.vves.length;
    hooks.state = 'ready';
    panel.dataset.state = 'ready';
  } catch (err) {
    fail(err);
  }

  function fail(err: unknown): void {
    hooks.state = 'error';
    hooks.error ??= err instanceof Error ? err.message : String(err);
    panel.append(el('p', `VvE-laag niet beschikbaar: ${hooks.error}`, 'vve-error'));
  }
}
