import type { ExpressionSpecification, Map as MapLibreMap } from 'maplibre-gl';
import { claimClicks } from '../map-click-claims.ts';
import { showMapPopup } from '../map-popup.ts';
import { getJson } from '../api.ts';
import {
  ACQUISITION_SCORE_STOPS,
  CandidateCollection,
  EXPORT_LINKS,
  acquisitionNotes,
  budgetSummary,
  metresRadius,
  ordinanceNote,
  zoneLines,
  candidateLine,
  candidatePopupRows,
  exportHref,
  type CandidateProps,
} from './acquisition-model.ts';

/**
 * The acquisition layer (roles with acquisition access): target zones outlined, candidates coloured by score,
 * the budgeted selection ringed — off until the panel's checkbox switches it on (it would cover the other
 * layers' dwellings); the panel shows budget and selection, the selected dwellings with their
 * reasons, and export links (CSV for Excel, XLSX, GeoJSON), each download audited by the server.
 */
export const ACQUISITION_SOURCE = 'acquisition';
export const ZONES_SOURCE = 'acquisition-zones';
export const CANDIDATES_LAYER = 'acquisition-candidates';
export const ZONES_LAYER = 'acquisition-zones-line';
/** Circles of the housing ordinance's distance rule around room-letting addresses. */
export const DISTANCE_RULE_LAYER = 'acquisition-distance-rule';

function text(tag: string, content: string, className?: string): HTMLElement {
  const e = document.createElement(tag);
  e.textContent = content;
  if (className) e.className = className;
  return e;
}

function popupContent(p: CandidateProps): HTMLElement {
  const root = document.createElement('div');
  root.className = 'dwelling-popup acquisition-popup';
  const dl = document.createElement('dl');
  for (const r of candidatePopupRows(p)) dl.append(text('dt', r.label), text('dd', r.value));
  root.append(text('h3', `${p.address} (verwerving)`), dl);
  return root;
}

export async function installAcquisitionLayer(map: MapLibreMap, panel: HTMLElement): Promise<CandidateCollection> {
  panel.hidden = false;
  panel.replaceChildren(text('h2', 'Verwerving'), text('p', 'Kandidaten worden berekend…', 'muted'));
  const [fc, zones] = await Promise.all([
    getJson('/api/acquisition/candidates', CandidateCollection),
    fetch('/api/acquisition/zones', { headers: { accept: 'application/json' } }).then(
      (r) => r.json() as Promise<GeoJSON.FeatureCollection>,
    ),
  ]);
  map.addSource(ZONES_SOURCE, { type: 'geojson', data: zones });
  map.addLayer({
    id: ZONES_LAYER,
    type: 'line',
    source: ZONES_SOURCE,
    layout: { visibility: 'none' },
    paint: { 'line-color': '#7b2d8e', 'line-width': 2, 'line-dasharray': [2, 1.5] },
  });
  map.addSource(ACQUISITION_SOURCE, { type: 'geojson', data: fc as unknown as GeoJSON.FeatureCollection });
  // The ordinance's distance rule around room-letting addresses (banded signals: roles that may see them only).
  const lat = fc.features[0]?.geometry.coordinates[1] ?? 51.53;
  map.addLayer({
    id: DISTANCE_RULE_LAYER,
    type: 'circle',
    source: ACQUISITION_SOURCE,
    filter: ['==', ['get', 'permitStatus'], 'vergunning'],
    layout: { visibility: 'none' },
    paint: {
      'circle-radius': metresRadius(fc.ordinance?.distanceRuleM ?? 0, lat) as never,
      'circle-color': '#c0392b',
      'circle-opacity': 0.12,
      'circle-stroke-color': '#c0392b',
      'circle-stroke-width': 1,
    },
  });
  map.addLayer({
    id: CANDIDATES_LAYER,
    type: 'circle',
    source: ACQUISITION_SOURCE,
    layout: { visibility: 'none' },
    paint: {
      'circle-color': [
        'interpolate',
        ['linear'],
        ['get', 'score'],
        ...ACQUISITION_SCORE_STOPS.flatMap((s) => [s.score, s.color]),
      ] as unknown as ExpressionSpecification,
      'circle-radius': [
        'interpolate',
        ['linear'],
        ['zoom'],
        11,
        ['case', ['get', 'selected'], 5, 2.5],
        16,
        ['case', ['get', 'selected'], 10, 6],
      ],
      'circle-stroke-color': ['case', ['get', 'selected'], '#111111', '#ffffff'],
      'circle-stroke-width': ['case', ['get', 'selected'], 2.5, 0.8],
    },
  });
  // The candidate popup replaces any dwelling popup (one popup at a time), and the dwelling popup underneath
  // leaves a click on a candidate to this layer.
  claimClicks(map, [CANDIDATES_LAYER]);
  map.on('mouseenter', CANDIDATES_LAYER, () => {
    map.getCanvas().style.cursor = 'pointer';
  });
  map.on('mouseleave', CANDIDATES_LAYER, () => {
    map.getCanvas().style.cursor = '';
  });
  map.on('click', CANDIDATES_LAYER, (e) => {
    const f = fc.features.find((x) => x.id === String(e.features?.[0]?.properties?.vboId ?? ''));
    if (f) showMapPopup(map, f.geometry.coordinates, popupContent(f.properties), '360px');
  });

  const toggle = document.createElement('label');
  toggle.className = 'layer-toggle';
  const box = document.createElement('input');
  box.type = 'checkbox';
  box.id = 'acquisition-toggle';
  box.addEventListener('change', () => {
    for (const id of [CANDIDATES_LAYER, ZONES_LAYER, DISTANCE_RULE_LAYER])
      map.setLayoutProperty(id, 'visibility', box.checked ? 'visible' : 'none');
  });
  toggle.append(box, ' Toon kandidaten en doelzones op de kaart');

  const exports = document.createElement('p');
  exports.className = 'export-links';
  exports.append('Exporteer de lijst: ');
  EXPORT_LINKS.forEach((l, i) => {
    const a = document.createElement('a');
    a.href = exportHref(l.format);
    a.download = '';
    a.dataset.format = l.format;
    a.className = 'export-link';
    a.textContent = l.label;
    exports.append(...(i > 0 ? [' · '] : []), a);
  });

  const selected = document.createElement('ol');
  selected.className = 'acquisition-selected';
  for (const f of fc.features.filter((x) => x.properties.selected)) {
    const line = candidateLine(f.properties);
    const li = document.createElement('li');
    li.dataset.vboId = line.vboId;
    const reasons = document.createElement('ul');
    reasons.className = 'reasons';
    for (const r of line.reasons) reasons.append(text('li', r));
    li.append(text('div', line.title, 'candidate-title'), text('div', line.detail, 'candidate-detail'), reasons);
    selected.append(li);
  }
  panel.replaceChildren(
    text('h2', 'Verwerving'),
    text('p', budgetSummary(fc), 'acquisition-budget'),
    zoneList(fc),
    toggle,
    exports,
    text('h3', 'Geselecteerd binnen budget'),
    selected,
    text('p', ordinanceNote(fc), 'source-note'),
    ...acquisitionNotes(fc).map((n) => text('p', n, 'source-note')),
  );
  panel.dataset.state = 'ready';
  return fc;
}

/** Per zone: candidates, selection, share of the budget and why, so the old centre's share is visible. */
function zoneList(fc: CandidateCollection): HTMLElement {
  const list = document.createElement('ul');
  list.className = 'acquisition-zones';
  for (const line of zoneLines(fc)) list.append(text('li', line));
  return list;
}
