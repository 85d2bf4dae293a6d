/**
 * What the potentiekaart shows, computed from the API answer (server/routes/potential-routes.ts): colours on the
 * data's real range, the legend, and the block card's rows in Dutch. Pure, so it is unit-tested without a browser.
 */
import type { z } from 'zod';
import { PotentialBlockProperties, PotentialResponse } from '../../../engine/potential/potential-schema.ts';
import { INDICATORS, INTERVENTIONS, INTERVENTION_NL } from '../../../engine/potential/interventions.ts';
import { INDICATOR_BASES } from '../../../engine/potential/indicators.ts';

export const PotentialCollection = PotentialResponse;
export type PotentialCollection = z.infer<typeof PotentialResponse>;
export type PotentialProps = z.infer<typeof PotentialBlockProperties>;

export { INTERVENTIONS, INTERVENTION_NL };

/** Sequential green ramp (low → high potential); distinct from the other overlay families (README "The map"). */
export const POTENTIAL_RAMP = ['#edf8e9', '#bae4b3', '#74c476', '#31a354', '#006d2c'] as const;
export const UNKNOWN_COLOR = '#bdbdbd';

const one = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const pct = new Intl.NumberFormat('nl-NL', { style: 'percent', maximumFractionDigits: 0 });

export interface LegendStop {
  value: number;
  color: string;
  label: string;
}

/**
 * Colour stops spread evenly over the real range of the blocks shown (not 0–100), so the map uses its whole
 * ramp; one stop when every block has the same potential; none when no block has one.
 */
export function legendStops(range: PotentialCollection['range']): LegendStop[] {
  if (!range) return [];
  if (range.max === range.min) return [{ value: range.min, color: POTENTIAL_RAMP[4], label: one.format(range.min) }];
  const n = POTENTIAL_RAMP.length;
  return POTENTIAL_RAMP.map((color, i) => {
    const value = range.min + ((range.max - range.min) * i) / (n - 1);
    return { value, color, label: one.format(Math.round(value * 10) / 10) };
  });
}

/** MapLibre fill colour: interpolated over the stops; grey where the potential is unknown. */
export function fillColor(stops: readonly LegendStop[]): unknown {
  if (stops.length === 0) return UNKNOWN_COLOR;
  if (stops.length === 1) return ['case', ['==', ['get', 'potential'], null], UNKNOWN_COLOR, stops[0]!.color];
  return [
    'case',
    ['==', ['get', 'potential'], null],
    UNKNOWN_COLOR,
    ['interpolate', ['linear'], ['get', 'potential'], ...stops.flatMap((s) => [s.value, s.color])],
  ];
}

export interface CardRow {
  name: string;
  value: string;
  points: string;
  fact: string;
}

const BASIS_NL: Record<(typeof INDICATOR_BASES)[number], string> = {
  registratie: 'registratie',
  schatting: 'schatting',
  synthetisch: 'synthetisch',
  geen: 'geen gegevens',
};

/** The block card: heading, potential, one row per indicator (weighted first), and the reasons. */
export function blockCard(
  p: PotentialProps,
  names: ReadonlyMap<string, string>,
): { title: string; subtitle: string; potential: string; rows: CardRow[]; reasons: string[] } {
  const weighted = new Map(p.terms.map((t) => [t.indicator, t]));
  const order = [...INDICATORS].sort((a, b) => Number(weighted.has(b)) - Number(weighted.has(a)));
  return {
    title: p.label,
    subtitle: `${p.dwellings.toLocaleString('nl-NL')} woning${p.dwellings === 1 ? '' : 'en'} · ${
      p.programmeAreas.join(', ') || p.buurtcodes.join(', ')
    }`,
    potential: p.potential === null ? 'onbekend' : `${one.format(p.potential)} van 100`,
    rows: order.map((i) => {
      const v = p.indicators[i]!;
      const t = weighted.get(i);
      return {
        name: names.get(i) ?? i,
        value: v.value === null ? '–' : pct.format(v.value),
        points: t
          ? `${one.format(t.points)} pt (${pct.format(t.weightShare)}${t.direction === 'laag' ? ', laag telt' : ''})`
          : 'niet gewogen',
        fact: `${v.fact} (${BASIS_NL[v.basis]})`,
      };
    }),
    reasons: p.reasons,
  };
}
