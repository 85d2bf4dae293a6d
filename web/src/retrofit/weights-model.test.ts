import { describe, expect, it } from 'vitest';
import { DEFAULT_WEIGHTS } from '../../../engine/retrofit/weights.ts';
import { defaultFactors, factorLabel, factorShares, sameFactors, snap, weightsFor } from './weights-model.ts';

describe('weights panel model', () => {
  it('starts from the shipped weights and names the factors in Dutch', () => {
    expect(defaultFactors()).toEqual(DEFAULT_WEIGHTS.factors);
    expect(factorLabel('energyPoverty')).toBe('Energiearmoede');
    expect(factorLabel('ecologyEase')).toBe('Ecologisch eenvoudig');
  });

  it('builds a complete, validated weights file that only changes the factors', () => {
    const r = weightsFor({ ...defaultFactors(), gasSaving: 0.8 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.factors.gasSaving).toBe(0.8);
    expect(r.value.scales).toEqual(DEFAULT_WEIGHTS.scales);
    expect(r.value.energyPoverty).toEqual(DEFAULT_WEIGHTS.energyPoverty);
  });

  it("refuses all-zero weights with the engine's coded issue", () => {
    const zero = { energyPoverty: 0, labelGap: 0, gasSaving: 0, costEffectiveness: 0, ecologyEase: 0 };
    expect(weightsFor(zero)).toMatchObject({ ok: false, issues: [{ code: 'weights.all-zero' }] });
    expect(factorShares(zero)).toEqual(zero);
  });

  it('gives each factor its share of the priority', () => {
    const s = factorShares(defaultFactors());
    expect(s.energyPoverty).toBeCloseTo(0.3, 10);
    expect(Object.values(s).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
  });

  it('snaps slider values to the step and the range', () => {
    expect(snap(0.35000000000000003)).toBe(0.35);
    expect(snap(0.3749)).toBe(0.35);
    expect(snap(-1)).toBe(0);
    expect(snap(7)).toBe(1);
    expect(sameFactors(defaultFactors(), { ...defaultFactors() })).toBe(true);
    expect(sameFactors(defaultFactors(), { ...defaultFactors(), labelGap: 0.25 })).toBe(false);
  });
});
