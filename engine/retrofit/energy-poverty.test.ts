import { describe, expect, it } from 'vitest';
import { ENERGY_LABELS } from '../dwelling.ts';
import { energyPovertyScore, lowIncomeShareOf, poorQualityByLabel } from './energy-poverty.ts';
import { DEFAULT_WEIGHTS } from './weights.ts';

const cfg = { ...DEFAULT_WEIGHTS.energyPoverty, lowIncomeShareByBuurt: { BU16740202: 0.3 } };
const L = (l: string) => ENERGY_LABELS.indexOf(l as never);

describe('energy poverty', () => {
  it('takes the buurt share from the override, else CBS, else the default — and says which', () => {
    expect(lowIncomeShareOf(cfg, 'BU16740202', 0.1)).toEqual({ share: 0.3, source: 'override' });
    expect(lowIncomeShareOf(cfg, 'BU16740300', 0.1)).toEqual({ share: 0.1, source: 'cbs' });
    expect(lowIncomeShareOf(cfg, 'BU16740300', null)).toEqual({ share: cfg.defaultLowIncomeShare, source: 'default' });
  });
  it('is low income × the worse of a high energy quote and a low-quality (label) dwelling', () => {
    const threshold = cfg.energyQuoteThreshold * cfg.referenceLowIncomeEurPerYear;
    expect(energyPovertyScore(cfg, 0.2, threshold, L('A'))).toBeCloseTo(1, 9);
    expect(energyPovertyScore(cfg, 0.1, threshold / 2, L('B'))).toBeCloseTo(0.25, 9);
    expect(energyPovertyScore(cfg, 0.1, 0, L('G'))).toBeCloseTo(0.5, 9);
    expect(energyPovertyScore(cfg, 0, threshold, L('G'))).toBe(0);
  });
  it('rates labels D–G as lower quality by default', () => {
    expect([...poorQualityByLabel(cfg)].slice(L('C'))).toEqual([0, 0.5, 1, 1, 1]);
  });
});
