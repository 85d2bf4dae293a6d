import { describe, expect, it } from 'vitest';
import { ENERGY_LABELS } from '../dwelling.ts';
import { energyPovertyScore, poorQualityByLabel } from './energy-poverty.ts';
import { DEFAULT_WEIGHTS } from './weights.ts';

const cfg = DEFAULT_WEIGHTS.energyPoverty;
const L = (l: string) => ENERGY_LABELS.indexOf(l as never);

describe('energy poverty', () => {
  it('is low income × the worse of a high energy quote and a low-quality (label) dwelling', () => {
    const income = 18_000;
    const threshold = cfg.energyQuoteThreshold * income;
    const full = cfg.lowIncomeShareFull;
    expect(energyPovertyScore(cfg, full, threshold, income, L('A'))).toBeCloseTo(1, 9);
    expect(energyPovertyScore(cfg, full / 2, threshold / 2, income, L('B'))).toBeCloseTo(0.25, 9);
    expect(energyPovertyScore(cfg, full / 2, 0, income, L('G'))).toBeCloseTo(0.5, 9);
    expect(energyPovertyScore(cfg, 0, threshold, income, L('G'))).toBe(0);
  });
  it("takes the quote against the household's income: the same bill weighs more on a lower income", () => {
    const full = cfg.lowIncomeShareFull;
    const bill = 1_200;
    const low = energyPovertyScore(cfg, full, bill, 15_000, L('A'));
    const higher = energyPovertyScore(cfg, full, bill, 30_000, L('A'));
    expect(low).toBeCloseTo(0.8, 9);
    expect(higher).toBeCloseTo(0.4, 9);
  });
  it('rates labels D–G as lower quality by default', () => {
    expect([...poorQualityByLabel(cfg)].slice(L('C'))).toEqual([0, 0.5, 1, 1, 1]);
  });
});
