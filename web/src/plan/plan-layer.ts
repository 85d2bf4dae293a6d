import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { ExpressionSpecification } from 'maplibre-gl';
import { planPoints, plannedSeasons, seasonColours, type PlanDetail } from './plan-model.ts';

/**
 * The plan's dwellings on the map, coloured by season (the timeline's colours); dwellings with work under way
 * get a dark ring, declined ones are faded.
 */
export const PLAN_SOURCE = 'plan';
export const PLAN_LAYER = 'plan-dwellings';

const EMPTY = { type: 'FeatureCollection' as const, features: [] };

export function addPlanLayer(map: MapLibreMap): void {
  map.addSource(PLAN_SOURCE, { type: 'geojson', data: EMPTY });
  map.addLayer({
    id: PLAN_LAYER,
    type: 'circle',
    source: PLAN_SOURCE,
    layout: { visibility: 'none' },
    paint: {
      'circle-color': '#888888',
      'circle-radius': ['interpolate', ['linear'], ['zoom'], 11, 3, 16, 8],
      'circle-opacity': ['case', ['==', ['get', 'status'], 'afgezien'], 0.3, 0.95],
      'circle-stroke-color': [
        'match',
        ['get', 'status'],
        ['onderzoek', 'natuurvrij', 'geïsoleerd'],
        '#111111',
        '#ffffff',
      ],
      'circle-stroke-width': ['match', ['get', 'status'], ['onderzoek', 'natuurvrij', 'geïsoleerd'], 2, 0.6],
    },
  });
}

/** Season colour expression: `match` on the season id, grey for anything else. */
export function seasonColourExpression(d: PlanDetail): ExpressionSpecification | string {
  const colours = seasonColours(plannedSeasons(d));
  if (colours.size === 0) return '#888888';
  return ['match', ['get', 'season'], ...[...colours].flat(), '#888888'] as unknown as ExpressionSpecification;
}

/** Puts the plan's dwellings in the layer; `reveal` switches the layer on (a plan the user chose or made). */
export function showPlan(map: MapLibreMap, d: PlanDetail, reveal: boolean): void {
  map.getSource<GeoJSONSource>(PLAN_SOURCE)?.setData(planPoints(d) as unknown as GeoJSON.FeatureCollection);
  map.setPaintProperty(PLAN_LAYER, 'circle-color', seasonColourExpression(d));
  if (reveal) map.setLayoutProperty(PLAN_LAYER, 'visibility', 'visible');
}

export function planVisible(map: MapLibreMap): boolean {
  return map.getLayoutProperty(PLAN_LAYER, 'visibility') === 'visible';
}

export function setPlanVisible(map: MapLibreMap, visible: boolean): void {
  map.setLayoutProperty(PLAN_LAYER, 'visibility', visible ? 'visible' : 'none');
}
