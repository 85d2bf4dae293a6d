/**
 * The label before, estimated from the dwelling's element state (EP2 estimate, NTA 8800 limits), measured
 * against registered labels the model never saw: a seeded 30 % of the stock's registered labels is held back
 * (set unknown) and compared with the estimate. Nothing in the model is fitted to labels (calibration.ts), so
 * the held-back labels are unseen by construction. Bar (docs/domain.md §5, 3DGI wijklabels): 21 % exact, 51 % within one.
 */
import { describe, expect, it } from 'vitest';
import { ENERGY_LABELS } from '../../engine/dwelling.ts';
import { createRng } from '../../engine/rng.ts';
import { syntheticStock } from '../../geodata/reference/retrofit-synthetic-stock.ts';
import { DEFAULT_PARAMS } from '../../engine/retrofit/params.ts';
import { allocScores, scoreRange } from '../../engine/retrofit/score-table.ts';
import { buildScoreTables } from '../../engine/retrofit/score-tables.ts';
import { LABEL_UNKNOWN } from '../../engine/retrofit/stock.ts';
import { DEFAULT_WEIGHTS } from '../../engine/retrofit/weights.ts';
import { whatIf } from '../../engine/retrofit/what-if.ts';

const { stock, buurtCodes } = syntheticStock();
const T = buildScoreTables(DEFAULT_PARAMS, DEFAULT_WEIGHTS, buurtCodes, stock.buurtLowIncomeShare);

/** Exact and within-one-class shares of the estimate on a seeded held-back 30 % of the registered labels. */
function heldBackAccuracy(seed: number): { exact: number; withinOne: number; n: number } {
  const rng = createRng(seed);
  const held = new Uint8Array(stock.count);
  const label = stock.label.slice();
  for (let i = 0; i < stock.count; i++) {
    if (stock.label[i] !== LABEL_UNKNOWN && rng.chance(0.3)) {
      held[i] = 1;
      label[i] = LABEL_UNKNOWN;
    }
  }
  const o = allocScores(stock.count, { measures: false });
  scoreRange({ ...stock, label }, T, o, 0, stock.count);
  let n = 0,
    exact = 0,
    within = 0;
  for (let i = 0; i < stock.count; i++) {
    if (!held[i]) continue;
    n++;
    const d = o.labelBefore[i]! - stock.label[i]!;
    if (d === 0) exact++;
    if (d >= -1 && d <= 1) within++;
  }
  return { exact: exact / n, withinOne: within / n, n };
}

describe('label before from the dwelling (held-back registered labels)', () => {
  it('measures exact and within-one rates on a seeded held-back split (reported against 3DGI 21 % / 51 %)', () => {
    const r = heldBackAccuracy(20261207);
    expect(r.n).toBeGreaterThan(1000);
    // Measured on the shipped synthetic stock: see docs/retrofit-model.md. Floors below the measured values, so a
    // regression fails; the within-one rate does not reach the 3DGI bar here (the synthetic labels are drawn from
    // Hestia's frequencies, independently of the element state).
    expect(r.exact).toBeGreaterThan(0.15);
    expect(r.withinOne).toBeGreaterThan(0.4);
  });

  it('registered labels override the estimate', () => {
    const o = allocScores(stock.count, { measures: false });
    scoreRange(stock, T, o, 0, stock.count);
    for (let i = 0; i < stock.count; i++)
      if (stock.label[i] !== LABEL_UNKNOWN) expect(o.labelBefore[i]).toBe(stock.label[i]);
  });

  it.each([
    'tussenwoning',
    'hoekwoning',
    'twee-onder-een-kap',
    'vrijstaand',
    'portiek',
    'galerij',
    'maisonnette',
  ] as const)('a %s built before 1975 with nothing insulated is never better than D', (type) => {
    for (const bouwjaar of [1925, 1950, 1965, 1974]) {
      // Flats up to 100 m²: a larger flat of unknown position counts only part of its roof and floor (docs/retrofit-model.md).
      for (const oppervlakte of type === 'portiek' || type === 'galerij' || type === 'maisonnette'
        ? [45, 70, 100]
        : [70, 100, 160]) {
        const r = whatIf({
          type,
          bouwjaar,
          oppervlakte,
          date: '2026-01-01',
          elements: { cavityWall: 'N0', roof: 'N0', floor: 'N0', glazing: 'N0' },
        });
        if (!r.ok) throw new Error(JSON.stringify(r.issues));
        expect(
          ENERGY_LABELS.indexOf(r.value.labelBefore),
          `${type} ${bouwjaar} ${oppervlakte} m²: ${r.value.labelBefore}`,
        ).toBeGreaterThanOrEqual(ENERGY_LABELS.indexOf('D'));
      }
    }
  });
});
