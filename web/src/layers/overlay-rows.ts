/**
 * The layer-list rows of the panels' overlays, each added once the panel's module has put its layer on the map (roles
 * that may not see a layer never get its row). Imported only by the panels' loaders in main.ts, so the panels' modules
 * stay out of the start-up chunk (web/src/section-loader.ts).
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { CANDIDATES_LAYER, ZONES_LAYER } from '../acquisition/acquisition-layer.ts';
import { ACQUISITION_SCORE_STOPS } from '../acquisition/acquisition-model.ts';
import { SAFETY_LAYER } from '../acquisition/safety-layer.ts';
import { PLAN_LAYER } from '../plan/plan-layer.ts';
import { el } from '../retrofit/dom.ts';
import { VVE_BUILDINGS_LAYER, VVE_POINTS_LAYER } from '../vve/vve-layer.ts';
import { SCORE_CLASSES } from '../vve/vve-model.ts';
import { copyOf } from './app-layers.ts';
import type { LayerList } from './layer-list.ts';
import { legendItems } from './legend-items.ts';

export function addSafetyRow(list: LayerList, map: MapLibreMap): void {
  if (!map.getLayer(SAFETY_LAYER)) return;
  list.add({
    id: 'veiligheid',
    label: 'Veiligheid (overlast per buurt)',
    group: 'overlay',
    layers: [SAFETY_LAYER],
    toggleId: 'safety-toggle',
    legend: () => {
      const box = el('div');
      const list = copyOf(document.querySelector('#safety-panel .safety-legend'));
      const note = copyOf(document.querySelector('#safety-panel .safety-class-note'));
      box.append(...[list, note].filter((n): n is Node => n !== null));
      return box;
    },
  });
}

export function addAcquisitionRow(list: LayerList, map: MapLibreMap): void {
  if (!map.getLayer(CANDIDATES_LAYER)) return;
  list.add({
    id: 'verwerving',
    label: 'Verwervingskandidaten',
    group: 'overlay',
    layers: [CANDIDATES_LAYER, ZONES_LAYER],
    toggleId: 'acquisition-toggle',
    legend: () =>
      legendItems(
        [
          ...ACQUISITION_SCORE_STOPS.map((s, i) => ({
            color: s.color,
            label:
              i === 0
                ? `score ${s.score} of lager`
                : i === ACQUISITION_SCORE_STOPS.length - 1
                  ? `score ${s.score} of hoger`
                  : `score ${s.score}`,
          })),
          { color: '#7b2d8e', label: 'doelzone', shape: 'line' },
        ],
        'Zwarte rand: geselecteerd binnen het budget. Kleur loopt geleidelijk tussen de scores.',
      ),
  });
}

export function addVveRow(list: LayerList, map: MapLibreMap): void {
  if (!map.getLayer(VVE_POINTS_LAYER)) return;
  list.add({
    id: 'vve',
    label: "VvE's (pilotscore)",
    group: 'overlay',
    layers: [VVE_BUILDINGS_LAYER, VVE_POINTS_LAYER],
    toggleId: 'vve-toggle',
    legend: () =>
      legendItems(
        SCORE_CLASSES.map((k) => ({ color: k.color, label: `score ${k.label}` })),
        'Panden van een VvE omlijnd in de kleur van haar score; zwarte rand: op de pilot-shortlist.',
      ),
  });
}

export function addPlanRow(list: LayerList, map: MapLibreMap): void {
  if (!map.getLayer(PLAN_LAYER)) return;
  list.add({
    id: 'plan',
    label: 'Uitvoeringsplan (batches)',
    group: 'overlay',
    layers: [PLAN_LAYER],
    toggleId: 'plan-toggle',
    legend: () =>
      copyOf(document.querySelector('#plan-panel .plan-season-legend')) ??
      el('p', 'muted', 'Kies een plan onder Planning; de kleur is het seizoen van de batch.'),
  });
}
