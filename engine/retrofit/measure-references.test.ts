/**
 * Each measure's gas saving for the typical dwelling a public figure describes, against that figure
 * (docs/retrofit-model.md lists the sources; README "Saving per measure and dwelling type" shows the table).
 * Reference m³ = Milieu Centraal's yearly saving in € (table reproduced by the Consumentenbond, "Huis isoleren")
 * ÷ €0.63 per m³, the price implied by the same page ("2700 m³ aardgas … €1700").
 * Every row must be within ±35 % of its reference, except the rows listed in KNOWN_GAPS, which must stay
 * outside it (so the list cannot go stale): those are open findings of the model note.
 */
import { describe, expect, it } from 'vitest';
import type { DwellingType } from '../dwelling.ts';
import { whatIf } from './what-if.ts';

const EUR_PER_M3 = 1700 / 2700;
interface Row {
  type: DwellingType;
  bouwjaar: number;
  oppervlakte: number;
  measure: 'cavity-wall' | 'roof' | 'floor';
  eurPerYear: number;
}
/** Milieu Centraal (via Consumentenbond "Huis isoleren"): tussenwoning; hoekwoning / twee-onder-een-kap; vrijstaand. */
export const REFERENCE_ROWS: readonly Row[] = [
  { type: 'tussenwoning', bouwjaar: 1968, oppervlakte: 95, measure: 'roof', eurPerYear: 500 },
  { type: 'tussenwoning', bouwjaar: 1968, oppervlakte: 95, measure: 'floor', eurPerYear: 160 },
  { type: 'tussenwoning', bouwjaar: 1968, oppervlakte: 95, measure: 'cavity-wall', eurPerYear: 210 },
  { type: 'hoekwoning', bouwjaar: 1968, oppervlakte: 105, measure: 'roof', eurPerYear: 600 },
  { type: 'hoekwoning', bouwjaar: 1968, oppervlakte: 105, measure: 'floor', eurPerYear: 180 },
  { type: 'hoekwoning', bouwjaar: 1968, oppervlakte: 105, measure: 'cavity-wall', eurPerYear: 550 },
  { type: 'twee-onder-een-kap', bouwjaar: 1965, oppervlakte: 130, measure: 'roof', eurPerYear: 600 },
  { type: 'twee-onder-een-kap', bouwjaar: 1965, oppervlakte: 130, measure: 'floor', eurPerYear: 180 },
  { type: 'twee-onder-een-kap', bouwjaar: 1965, oppervlakte: 130, measure: 'cavity-wall', eurPerYear: 550 },
  { type: 'vrijstaand', bouwjaar: 1970, oppervlakte: 150, measure: 'roof', eurPerYear: 1000 },
  { type: 'vrijstaand', bouwjaar: 1970, oppervlakte: 150, measure: 'floor', eurPerYear: 320 },
  { type: 'vrijstaand', bouwjaar: 1970, oppervlakte: 150, measure: 'cavity-wall', eurPerYear: 800 },
];
/** Rows outside ±35 % today (model note, "open findings"): cavity walls come out at 0.50–0.60 of the reference. */
const KNOWN_GAPS = new Set([
  'tussenwoning cavity-wall',
  'hoekwoning cavity-wall',
  'twee-onder-een-kap cavity-wall',
  'vrijstaand cavity-wall',
  'vrijstaand roof',
]);

const NOTHING_INSULATED = { cavityWall: 'N0', roof: 'N0', floor: 'N0', glazing: 'N1' } as const;
export function modelled(r: Row): { model: number; reference: number; ratio: number } {
  const w = whatIf({
    type: r.type,
    bouwjaar: r.bouwjaar,
    oppervlakte: r.oppervlakte,
    date: '2026-01-01',
    elements: NOTHING_INSULATED,
  });
  if (!w.ok) throw new Error(JSON.stringify(w.issues));
  const m = w.value.measures.find((x) => x.id === r.measure);
  if (!m) throw new Error(`${r.type}: ${r.measure} does not apply`);
  const reference = r.eurPerYear / EUR_PER_M3;
  return { model: m.gasSavingM3PerYear, reference, ratio: m.gasSavingM3PerYear / reference };
}

describe('saving per measure and dwelling type against public figures', () => {
  it.each(REFERENCE_ROWS.map((r) => [`${r.type} ${r.measure}`, r] as const))('%s', (key, r) => {
    const { ratio } = modelled(r);
    const inside = ratio >= 0.65 && ratio <= 1.35;
    expect(inside, `${key}: ratio ${ratio.toFixed(2)}`).toBe(!KNOWN_GAPS.has(key));
  });

  it.each(REFERENCE_ROWS.filter((r) => r.measure === 'roof').map((r) => [r.type, r] as const))(
    '%s: the package saves no more than the modelled use, and less than the sum of its measures',
    (_t, r) => {
      const w = whatIf({
        type: r.type,
        bouwjaar: r.bouwjaar,
        oppervlakte: r.oppervlakte,
        date: '2026-01-01',
        elements: NOTHING_INSULATED,
      });
      if (!w.ok) throw new Error('what-if failed');
      const sum = w.value.measures.reduce((s, m) => s + m.gasSavingM3PerYear, 0);
      expect(w.value.package.gasSavingM3PerYear).toBeLessThanOrEqual(w.value.gasUseM3PerYear);
      expect(w.value.package.gasSavingM3PerYear).toBeLessThan(sum);
    },
  );
});
