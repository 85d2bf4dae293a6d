import type { ExpressionSpecification, Map as MapLibreMap } from 'maplibre-gl';
import { getJson } from '../api.ts';
import { SAFETY_CLASSES, SUPPRESSED_COLOR, SafetyCollection, safetyNote, safetyRows } from './safety-model.ts';

/**
 * The safety layer (every role): buurten filled by the share of addresses with nuisance reports, from the
 * disclosure-controlled aggregates; suppressed or unpublished rates in grey. Off by default; a checkbox in
 * the panel switches it on. The panel lists the figures per buurt.
 */
export const SAFETY_SOURCE = 'safety';
export const SAFETY_LAYER = 'safety-fill';

const fillColor: ExpressionSpecification = [
  'case',
  ['==', ['get', 'nuisanceRate'], null],
  SUPPRESSED_COLOR,
  [
    'step',
    ['get', 'nuisanceRate'],
    SAFETY_CLASSES[0].color,
    SAFETY_CLASSES[0].upTo,
    SAFETY_CLASSES[1].color,
    SAFETY_CLASSES[1].upTo,
    SAFETY_CLASSES[2].color,
    SAFETY_CLASSES[2].upTo,
    SAFETY_CLASSES[3].color,
  ],
];

function text(tag: string, content: string, className?: string): HTMLElement {
  const e = document.createElement(tag);
  e.textContent = content;
  if (className) e.className = className;
  return e;
}

export async function installSafetyLayer(map: MapLibreMap, panel: HTMLElement): Promise<void> {
  panel.replaceChildren(text('h2', 'Veiligheid per buurt'), text('p', 'Signalen worden geladen…', 'muted'));
  const fc = await getJson('/api/signals/buurten', SafetyCollection);
  map.addSource(SAFETY_SOURCE, { type: 'geojson', data: fc as unknown as GeoJSON.FeatureCollection });
  map.addLayer(
    {
      id: SAFETY_LAYER,
      type: 'fill',
      source: SAFETY_SOURCE,
      layout: { visibility: 'none' },
      filter: ['>', ['get', 'dwellings'], 0],
      paint: { 'fill-color': fillColor, 'fill-opacity': 0.55, 'fill-outline-color': '#7a4a2a' },
    },
    map.getLayer('buildings') ? 'buildings' : undefined,
  );

  const toggle = document.createElement('label');
  toggle.className = 'layer-toggle';
  const box = document.createElement('input');
  box.type = 'checkbox';
  box.id = 'safety-toggle';
  box.addEventListener('change', () =>
    map.setLayoutProperty(SAFETY_LAYER, 'visibility', box.checked ? 'visible' : 'none'),
  );
  toggle.append(box, ' Toon op de kaart (aandeel adressen met overlast)');

  const legend = document.createElement('ul');
  legend.className = 'legend-list safety-legend';
  for (const c of [
    ...SAFETY_CLASSES.map((k) => ({ color: k.color, label: k.label })),
    { color: SUPPRESSED_COLOR, label: 'niet gepubliceerd (te weinig)' },
  ]) {
    const li = document.createElement('li');
    const sw = text('span', '', 'swatch');
    sw.style.backgroundColor = c.color;
    sw.style.borderRadius = '2px';
    li.append(sw, text('span', c.label, 'legend-label'), text('span', ''));
    legend.append(li);
  }

  const list = document.createElement('div');
  list.className = 'safety-list';
  for (const r of safetyRows(fc)) {
    const block = document.createElement('section');
    block.className = 'safety-buurt';
    block.dataset.buurtcode = r.buurtcode;
    const head = document.createElement('div');
    head.className = 'buurt-head';
    head.append(text('span', r.buurtnaam, 'buurt-name'), text('span', r.dwellings, 'buurt-total'));
    const dl = document.createElement('dl');
    for (const l of r.lines) dl.append(text('dt', l.label), text('dd', l.value));
    block.append(head, dl);
    list.append(block);
  }
  panel.replaceChildren(
    text('h2', 'Veiligheid per buurt'),
    toggle,
    legend,
    list,
    text('p', safetyNote(fc), 'source-note'),
  );
  panel.dataset.state = 'ready';
}
