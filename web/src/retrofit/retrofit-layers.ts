/**
 * The four retrofit map layers ("Verduurzaming"): classes, Dutch names and colours, the MapLibre colour
 * expressions over feature state, and the classification the legend counts with — one definition, so
 * legend and map cannot disagree.
 */
import type { ExpressionSpecification } from 'maplibre-gl';
import { ENERGY_LABELS } from '../../../engine/dwelling.ts';
import { ECOLOGY_ROUTES } from '../../../engine/retrofit/measure-ids.ts';
import { ROUTE_NL } from '../../../engine/retrofit/report-nl.ts';
import { ATTRIBUTE_STYLES, UNKNOWN_COLOR } from '../attribute-styles.ts';
import type { RetrofitMapColumns } from '../../../engine/retrofit/map-columns.ts';
import { quantileBreaks } from '../class-breaks.ts';
import { displayedPriorities, PRIORITY_CLASS_COUNT, roundPriority } from './priority-classes.ts';

export const RETROFIT_LAYER_IDS = ['priority', 'labelAfter', 'risk', 'route'] as const;
export type RetrofitLayerId = (typeof RETROFIT_LAYER_IDS)[number];

export interface RetrofitClass {
  /** Lower bound (graded) or value (categorical), as a string for data-* attributes. */
  key: string;
  /** Dutch legend text. */
  label: string;
  color: string;
}

interface LayerBase {
  id: RetrofitLayerId;
  /** Dutch name in the switcher and the legend title. */
  label: string;
  /** Legend subtitle: what the colour means. */
  note: string;
  /** Feature-state key the colour reads (set by feature-states.ts): the class index for graded layers, the value for categorical ones. */
  stateKey: string;
  classes: RetrofitClass[];
}

export interface GradedLayer extends LayerBase {
  kind: 'graded';
  /** Lower bound of each class, ascending; a value belongs to the last class whose bound it reaches (MapLibre `step`). */
  stops: number[];
  /** The feature state holds the displayed value itself (classed by `stops` in the expression), not a class index. */
  stateIsValue?: boolean;
}

export interface CategoricalLayer extends LayerBase {
  kind: 'categorical';
  /** Feature-state value per class. */
  values: string[];
}

export type RetrofitLayerStyle = GradedLayer | CategoricalLayer;

const nlPoints = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 0, maximumFractionDigits: 1 });
const nl1 = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

// Sequential yellow–red: higher priority is darker and warmer (ColorBrewer YlOrRd, extended to ten steps).
const PRIORITY_COLORS = [
  '#fff0b3',
  '#fee08b',
  '#fec965',
  '#feb24c',
  '#fd8d3c',
  '#f8642b',
  '#e8361f',
  '#cc1424',
  '#a30a2b',
  '#6e0526',
];
// Sequential yellow–green: higher habitat risk is darker (ColorBrewer YlGn, the lightest step dropped for
// contrast); purple is the acquisition layer's family, which can be drawn over this one.
const RISK_COLORS = ['#d9f0a3', '#addd8e', '#78c679', '#31a354', '#006837'];
// Qualitative (ColorBrewer Dark2), apart from the ownership colours of the base map.
const ROUTE_COLORS: Record<(typeof ECOLOGY_ROUTES)[number], string> = {
  'pre-smp': '#1b9e77',
  'corporation-code': '#d95f02',
  'individual-survey': '#7570b3',
};

const riskStops = RISK_COLORS.map((_, i) => i / 5);

export const RETROFIT_LAYERS: { priority: GradedLayer } & Record<RetrofitLayerId, RetrofitLayerStyle> = {
  priority: priorityStyle(
    PRIORITY_COLORS.map((_, i) => i * 10),
    false,
  ),
  labelAfter: {
    id: 'labelAfter',
    kind: 'categorical',
    label: 'Label na maatregelen',
    stateKey: 'labelAfter',
    note: 'Energielabel na het pakket van alle toepasbare maatregelen',
    values: [...ENERGY_LABELS],
    classes: ATTRIBUTE_STYLES.label.categories.map((c) => ({ key: c.value, label: c.label, color: c.color })),
  },
  risk: {
    id: 'risk',
    kind: 'graded',
    label: 'Ecologisch risico',
    stateKey: 'riskClass',
    note: 'Kans op beschermde soorten (0–1)',
    stops: riskStops,
    classes: riskStops.map((s, i) => ({
      key: String(s),
      label: `${nl1.format(s)}–${nl1.format(s + 0.2)}`,
      color: RISK_COLORS[i]!,
    })),
  },
  route: {
    id: 'route',
    kind: 'categorical',
    label: 'Route (pre-SMP)',
    stateKey: 'route',
    note: 'Natuurinclusieve route voor na-isolatie',
    values: [...ECOLOGY_ROUTES],
    classes: ECOLOGY_ROUTES.map((r) => ({ key: r, label: ROUTE_NL[r], color: ROUTE_COLORS[r] })),
  },
};

/**
 * The priority layer for class bounds `stops`: the colour ramp sampled evenly over however many classes there
 * are; `fitted` says the bounds are the data's quantiles (priority-classes.ts), which the legend then states.
 */
export function priorityStyle(stops: readonly number[], fitted: boolean): GradedLayer {
  const n = stops.length;
  return {
    id: 'priority',
    kind: 'graded',
    label: 'Prioriteit',
    stateKey: 'priority',
    stateIsValue: true,
    note: fitted
      ? `Prioriteitsscore 0–100 (gewogen factoren); ${n} klassen met elk ongeveer evenveel woningen (kwantielen van de getoonde scores)`
      : 'Prioriteitsscore 0–100 (gewogen factoren)',
    stops: [...stops],
    classes: stops.map((s, i) => ({
      key: String(s),
      label: i + 1 < n ? `${nlPoints.format(s)}–${nlPoints.format(stops[i + 1]!)}` : `${nlPoints.format(s)} en hoger`,
      color:
        PRIORITY_COLORS[
          n === 1 ? PRIORITY_COLORS.length - 1 : Math.round((i * (PRIORITY_COLORS.length - 1)) / (n - 1))
        ]!,
    })),
  };
}

/** Fits the priority classes to the displayed priorities of a column (after loading and after each re-score). */
export function fitPriorityClasses(priority: ArrayLike<number>): GradedLayer {
  RETROFIT_LAYERS.priority = priorityStyle(quantileBreaks(displayedPriorities(priority), PRIORITY_CLASS_COUNT), true);
  return RETROFIT_LAYERS.priority;
}

export function isRetrofitLayerId(s: string): s is RetrofitLayerId {
  return (RETROFIT_LAYER_IDS as readonly string[]).includes(s);
}

/** Class index of a graded value: the last stop it reaches (as MapLibre `step`), -1 below the first or NaN. */
export function gradedClass(stops: readonly number[], value: number): number {
  if (!(value >= stops[0]!)) return -1;
  let k = 0;
  while (k + 1 < stops.length && value >= stops[k + 1]!) k++;
  return k;
}

export { roundPriority };
/** Habitat risk as the API shows it (three decimals). */
export const roundRisk = (r: number): number => Math.round(r * 1000) / 1000;

/** Priority class of a priority value under the current classes, as the map colours it (-1 below the first). */
export const priorityClass = (p: number): number => gradedClass(RETROFIT_LAYERS.priority.stops, roundPriority(p));

/** Class index of dwelling i in the layer, -1 when it fits no class. */
export function classOf(layer: RetrofitLayerId, c: RetrofitMapColumns, i: number): number {
  switch (layer) {
    case 'priority':
      return priorityClass(c.priority[i]!);
    case 'risk':
      return gradedClass(riskStops, roundRisk(c.riskScore[i]!));
    case 'labelAfter':
      return c.labelAfter[i]! < ENERGY_LABELS.length ? c.labelAfter[i]! : -1;
    case 'route':
      return c.route[i]! < ECOLOGY_ROUTES.length ? c.route[i]! : -1;
  }
}

/**
 * `circle-color` of the retrofit layer over its feature-state key: graded layers read the class index (so a
 * weight change only touches dwellings that change class), categorical ones the value; grey without state.
 */
export function retrofitColorExpression(id: RetrofitLayerId): ExpressionSpecification {
  const s = RETROFIT_LAYERS[id];
  if (s.kind === 'graded') {
    const steps = s.classes.flatMap((c, k) => [s.stateIsValue ? s.stops[k]! : k, c.color]);
    if (s.stateIsValue)
      return [
        'step',
        ['to-number', ['coalesce', ['feature-state', s.stateKey], -1e9]],
        UNKNOWN_COLOR,
        ...steps,
      ] as ExpressionSpecification;
    return [
      'step',
      ['to-number', ['coalesce', ['feature-state', s.stateKey], -1]],
      UNKNOWN_COLOR,
      ...steps,
    ] as ExpressionSpecification;
  }
  const pairs = s.values.flatMap((v, i) => [v, s.classes[i]!.color]);
  return [
    'match',
    ['to-string', ['coalesce', ['feature-state', s.stateKey], '']],
    ...pairs,
    UNKNOWN_COLOR,
  ] as ExpressionSpecification;
}
