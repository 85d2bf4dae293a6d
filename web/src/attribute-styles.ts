import type { ExpressionSpecification } from 'maplibre-gl';
import { BUILD_PERIODS } from '../../engine/build-period.ts';
import { DWELLING_TYPES, ENERGY_LABELS, OWNERSHIP_CATEGORIES } from '../../engine/dwelling.ts';
import type { StatsField } from '../../engine/dwelling-stats.ts';
import { DWELLING_TYPE_NL, OWNERSHIP_NL } from '../../engine/labels-nl.ts';

/** The dwelling attributes the map can be coloured by. */
export const ATTRIBUTE_IDS = ['ownership', 'period', 'label', 'type'] as const;
export type AttributeId = (typeof ATTRIBUTE_IDS)[number];

export interface Category {
  /** Value as stored in the dwellings tile and in the engine's statistics. */
  value: string;
  /** Dutch label for the legend and the popup. */
  label: string;
  /** CSS colour (hex). */
  color: string;
}

export interface AttributeStyle {
  id: AttributeId;
  /** Dutch name in the switcher and legend title. */
  label: string;
  /** Property of the `dwellings` vector layer holding the category. */
  tileProperty: string;
  /** Field of engine/dwelling-stats.ts grouping by the same categories. */
  statsField: StatsField;
  categories: Category[];
}

/** Colour for a value that is in no category (data newer than the UI). */
export const UNKNOWN_COLOR = '#b0b0b0';

// Usual energy-label ramp from dark green (A++++) to red (G), after the colours of the NL label sticker.
const LABEL_COLORS = [
  '#00632e',
  '#00743a',
  '#008a3e',
  '#1a9e41',
  '#33a84b',
  '#8dc63f',
  '#d4de26',
  '#fff200',
  '#fdb913',
  '#f37021',
  '#e2231a',
];
// Viridis, 12 samples, oldest period darkest.
const PERIOD_COLORS = [
  '#440154',
  '#482173',
  '#433e85',
  '#38598c',
  '#2d708e',
  '#25858e',
  '#1e9b8a',
  '#2ab07f',
  '#52c569',
  '#86d549',
  '#c2df23',
  '#fde725',
];
// Eengezinswoningen in greens/blues, meergezinswoningen in warm colours (Tableau 10 based).
const TYPE_COLORS = ['#4e79a7', '#76b7b2', '#59a14f', '#8cd17d', '#e15759', '#f28e2b', '#b07aa1', '#9d9d9d'];
const OWNERSHIP_COLORS: Record<string, string> = {
  'eigenaar-bewoner': '#2f6db5',
  corporatie: '#d7443e',
  'particuliere verhuur': '#f0a030',
  overig: '#8c8c8c',
};

/** Colour ramps and Dutch category names per attribute, in legend order. */
export const ATTRIBUTE_STYLES: Record<AttributeId, AttributeStyle> = {
  ownership: {
    id: 'ownership',
    label: 'Eigendom',
    tileProperty: 'ownership',
    statsField: 'ownership',
    categories: OWNERSHIP_CATEGORIES.map((v) => ({ value: v, label: OWNERSHIP_NL[v], color: OWNERSHIP_COLORS[v]! })),
  },
  period: {
    id: 'period',
    label: 'Bouwperiode',
    tileProperty: 'period',
    statsField: 'period',
    categories: BUILD_PERIODS.map((p, i) => ({
      value: p.id,
      label: p.id.replace(' - ', '–'),
      color: PERIOD_COLORS[i]!,
    })),
  },
  label: {
    id: 'label',
    label: 'Energielabel',
    tileProperty: 'label',
    statsField: 'label',
    categories: ENERGY_LABELS.map((v, i) => ({ value: v, label: v, color: LABEL_COLORS[i]! })),
  },
  type: {
    id: 'type',
    label: 'Woningtype',
    tileProperty: 'type',
    statsField: 'type',
    categories: DWELLING_TYPES.map((v, i) => ({ value: v, label: DWELLING_TYPE_NL[v], color: TYPE_COLORS[i]! })),
  },
};

export function isAttributeId(s: string): s is AttributeId {
  return (ATTRIBUTE_IDS as readonly string[]).includes(s);
}

/** Dutch label of a category value, or the value itself if the attribute does not know it. */
export function categoryLabel(id: AttributeId, value: string): string {
  return ATTRIBUTE_STYLES[id].categories.find((c) => c.value === value)?.label ?? value;
}

/** MapLibre `circle-color` expression: a match on the attribute's tile property. */
export function colorExpression(id: AttributeId): ExpressionSpecification {
  const style = ATTRIBUTE_STYLES[id];
  const pairs = style.categories.flatMap((c) => [c.value, c.color]);
  return ['match', ['to-string', ['get', style.tileProperty]], ...pairs, UNKNOWN_COLOR] as ExpressionSpecification;
}
