import { describe, expect, it } from 'vitest';
import { DWELLING_TYPES } from '../../engine/dwelling.ts';
import { syntheticStock } from '../../geodata/reference/retrofit-synthetic-stock.ts';
import { calibrate, meanByType, ZUNDERT_2023 } from '../../engine/retrofit/calibration.ts';
import { DEFAULT_CALIBRATION } from '../../engine/retrofit/data/calibration-default.ts';
import { DEFAULT_PARAMS } from '../../engine/retrofit/params.ts';
import { allocScores, scoreRange } from '../../engine/retrofit/score-table.ts';
import { buildScoreTables } from '../../engine/retrofit/score-tables.ts';
import { DEFAULT_WEIGHTS } from '../../engine/retrofit/weights.ts';

const { stock, buurtCodes } = syntheticStock();
const scored = () => {
  const o = allocScores(stock.count);
  scoreRange(stock, buildScoreTables(DEFAULT_PARAMS, DEFAULT_WEIGHTS, buurtCodes, stock.buurtLowIncomeShare), o, 0, stock.count);
  return o;
};

describe('calibration to measured gas use (CBS 85999NED, Zundert 2023)', () => {
  const o = scored();
  const { n, mean } = meanByType(stock, o.gasM3);
  const groupMean = (types: readonly string[]) => {
    let s = 0, c = 0;
    for (const t of types) {
      const i = DWELLING_TYPES.indexOf(t as never);
      s += mean[i]! * n[i]!;
      c += n[i]!;
    }
    return s / c;
  };

  it.each(ZUNDERT_2023.groups.map((g) => [g.id, g.types, g.measuredM3] as const))(
    'with the shipped factors, the synthetic stock\'s mean gas use of %s is within 3 %% of the measured figure', (_id, types, measured) => {
      expect(Math.abs(groupMean(types) / measured - 1)).toBeLessThan(0.03);
    },
  );

  it('the shipped factors are what calibrate() gives on the shipped synthetic stock today (rerun the extractor if not)', () => {
    const r = calibrate(stock, DEFAULT_PARAMS);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    for (const t of DWELLING_TYPES) expect(r.value.calibration.kByType[t]).toBeCloseTo(DEFAULT_CALIBRATION.kByType[t], 5);
    expect(r.value.calibration.ep2Scale).toBe(DEFAULT_CALIBRATION.ep2Scale);
    expect(r.warnings.map((w) => w.code)).toEqual(['calibration.fallback', 'calibration.fallback']);
    // The label estimate beats the open-data bar of domain.md §5 (3DGI: 21 % exact, 51 % within one class) on this stock.
    expect(r.value.labelFit.exact).toBeGreaterThan(0.21);
    expect(r.value.labelFit.withinOne).toBeGreaterThan(0.51);
  });

  it('keeps the domain\'s overshoot ratios between measures: glazing is realised 1.6/3 as much of its theory as walls', () => {
    const r = calibrate(stock, DEFAULT_PARAMS);
    if (!r.ok) throw new Error('calibration failed');
    for (const g of r.value.groups) {
      expect(g.effectiveOvershoot.glazing / g.effectiveOvershoot.cavityWall).toBeCloseTo(3 / 1.6, 9);
      expect(g.k).toBeGreaterThan(0.2);
      expect(g.k).toBeLessThan(1);
    }
  });

  it('fails with a coded issue when a target group has no dwellings', () => {
    const flatsOnly = { ...stock, count: 0 };
    expect(calibrate(flatsOnly, DEFAULT_PARAMS)).toMatchObject({ ok: false, issues: [{ code: 'calibration.empty-group' }] });
  });
});
