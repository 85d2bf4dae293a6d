import type { ExpressionSpecification, Map as MapLibreMap } from 'maplibre-gl';
import { getJson } from '../api.ts';
import {
  SAFETY_CLASS_NOTE,
  SUPPRESSED_COLOR,
  SafetyCollection,
  safetyClassOf,
  safetyClasses,
  safetyNote,
  safetyRows,
  type SafetyClass,
} from './safety-model.ts';

/**
 * The safety layer (every role): buurten filled by the share of addresses with nuisance reports, from the
 * disclosure-controlled aggregates; suppressed or unpublished rates in grey. Off by default; a checkbox in
 * the panel switches it on. The panel lists the figures per buurt.
 */
export const SAFETY_SOURCE = 'safety';
export const SAFETY_LAYER = 'safety-fill';

/** Fill colour by the class index the panel's classification gave each buurt (grey when not published). */
function fillColor(classes: readonly SafetyClass[]): ExpressionSpecification {
  return [
    'match',
    ['get', 'nuisanceClass'],
    ...classes.flatMap((c, i) => [i, c.color]),
    SUPPRESSED_COLOR,
  ] as unknown as ExpressionSpecification;
}

function text(tag: string, content: string, className?: string): HTMLElement {
  const e = document.createElement(tag);
  e.textContent = content;
  if (className) e.className = className;
  return e;
}

export async function installSafetyLayer(map: MapLibreMap, panel: HTMLElement): Promise<void> {
  panel.replaceChildren(text('h2', 'Veiligheid per buurt'), text('p', 'Signalen worden geladen…', 'muted'));
  const fc = await getJson('/api/signals/buurten', SafetyCollection);
  // One classification for map and legend: each buurt gets its class index on the rate as displayed.
  const classes = safetyClasses(fc);
  const data = {
    ...fc,
    features: fc.features.map((f) => ({
      ...f,
      properties: { ...f.properties, nuisanceClass: safetyClassOf(classes, f.properties.nuisanceRate) },
    })),
  };
  map.addSource(SAFETY_SOURCE, { type: 'geojson', data: data as unknown as GeoJSON.FeatureCollection });
  map.addLayer(
    {
      id: SAFETY_LAYER,
      type: 'fill',
      source: SAFETY_SOURCE,
      layout: { visibility: 'none' },
      filter: ['>', ['get', 'dwellings'], 0],
      paint: { 'fill-color': fillColor(classes), 'fill-opacity': 0.55, 'fill-outline-color': '#7a4a2a' },
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
    ...classes.map((k, i) => ({ color: k.color, label: k.label, cls: String(i) })),
    { color: SUPPRESSED_COLOR, label: 'niet gepubliceerd (te weinig)', cls: '-1' },
  ]) {
    const li = document.createElement('li');
    li.dataset.class = c.cls;
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
    text('p', SAFETY_CLASS_NOTE, 'source-note safety-class-note'),
    list,
    text('p', safetyNote(fc), 'source-note'),
  );
  panel.dataset.state = 'ready';
}
