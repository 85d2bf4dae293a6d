import { describe, expect, it } from 'vitest';
import { DWELLING_TYPES } from '../../engine/dwelling.ts';
import { syntheticStock } from '../../geodata/reference/retrofit-synthetic-stock.ts';
import { calibrate, ZUNDERT_2023 } from '../../engine/retrofit/calibration.ts';
import { calibrateLabels } from '../../engine/retrofit/label-calibration.ts';
import { DEFAULT_CALIBRATION } from '../../engine/retrofit/data/calibration-default.ts';
import { DEFAULT_PARAMS } from '../../engine/retrofit/params.ts';
import { allocScores, scoreRange } from '../../engine/retrofit/score-table.ts';
import { buildScoreTables } from '../../engine/retrofit/score-tables.ts';
import { DEFAULT_WEIGHTS } from '../../engine/retrofit/weights.ts';

const { stock, buurtCodes } = syntheticStock();
const scored = (params = DEFAULT_PARAMS) => {
  const o = allocScores(stock.count);
  scoreRange(
    stock,
    buildScoreTables(params, DEFAULT_WEIGHTS, buurtCodes, stock.buurtLowIncomeShare),
    o,
    0,
    stock.count,
  );
  return o;
};
// Gas use does not depend on a dwelling's known label (the prebound factor follows the theoretical EP2).
const uncalibratedScoresWith = (params: typeof DEFAULT_PARAMS) => scored(params).gasM3;

describe('calibration to measured gas use (regional proxy: CBS 85999NED, Zundert 2023)', () => {
  it('ships level 1 for every type (the prebound curve is the one correction) and the label scales of the shipped stock', () => {
    for (const t of DWELLING_TYPES) expect(DEFAULT_CALIBRATION.kByType[t]).toBe(1);
    const labels = calibrateLabels(stock, DEFAULT_PARAMS);
    if (!labels.ok) throw new Error('label calibration failed');
    expect(DEFAULT_CALIBRATION.ep2ScaleByType).toEqual(labels.value.ep2ScaleByType);
  });

  it("calibrate() sets each group's level so the stock's mean modelled use meets the measured figure", () => {
    const r = calibrate(stock, DEFAULT_PARAMS);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.calibration.ep2ScaleByType).toEqual(DEFAULT_PARAMS.calibration.ep2ScaleByType);
    expect(r.warnings.map((w) => w.code)).toEqual(['calibration.fallback', 'calibration.fallback']);
    const scaled = { ...DEFAULT_PARAMS, calibration: r.value.calibration };
    const gas = uncalibratedScoresWith(scaled);
    for (const g of ZUNDERT_2023.groups) {
      let n = 0,
        sum = 0;
      for (let i = 0; i < stock.count; i++)
        if (g.types.includes(DWELLING_TYPES[stock.type[i]!]!)) {
          n++;
          sum += gas[i]!;
        }
      expect(Math.abs(sum / n / g.measuredM3 - 1)).toBeLessThan(1e-3);
    }
  });

  it('fails with a coded issue when a target group has no dwellings', () => {
    const flatsOnly = { ...stock, count: 0 };
    expect(calibrate(flatsOnly, DEFAULT_PARAMS)).toMatchObject({
      ok: false,
      issues: [{ code: 'calibration.empty-group' }],
    });
  });
});
