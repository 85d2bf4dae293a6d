import { describe, expect, it } from 'vitest';
import { DEFAULT_WEIGHTS, FACTOR_IDS, parseWeights, parseWeightsText } from './weights.ts';

const withFactors = (f: Record<string, unknown>) => ({ ...DEFAULT_WEIGHTS, factors: f });

describe('weights file', () => {
  it('ships valid defaults with a weight for every factor', () => {
    expect(Object.keys(DEFAULT_WEIGHTS.factors)).toEqual([...FACTOR_IDS]);
    expect(parseWeights(structuredClone(DEFAULT_WEIGHTS))).toMatchObject({ ok: true });
  });
  it('names an unknown key and the allowed ones', () => {
    const r = parseWeights(withFactors({ ...DEFAULT_WEIGHTS.factors, energiearmoede: 1 }));
    expect(r).toMatchObject({
      ok: false,
      issues: [{ code: 'weights.unknown-key', path: ['factors', 'energiearmoede'] }],
    });
    expect(!r.ok && r.issues[0]!.message).toContain(
      'allowed: energyPoverty, labelGap, gasSaving, costEffectiveness, ecologyEase',
    );
  });
  it('rejects a missing weight instead of defaulting it', () => {
    const { ecologyEase: _e, ...rest } = DEFAULT_WEIGHTS.factors;
    expect(parseWeights(withFactors(rest))).toMatchObject({
      ok: false,
      issues: [{ code: 'weights.missing', path: ['factors', 'ecologyEase'] }],
    });
  });
  it('rejects wrong types, out-of-range values, all-zero weights, a wrong version and bad buurt codes', () => {
    expect(parseWeights(withFactors({ ...DEFAULT_WEIGHTS.factors, gasSaving: '0.2' }))).toMatchObject({
      ok: false,
      issues: [{ code: 'weights.invalid-type', path: ['factors', 'gasSaving'] }],
    });
    const neg = parseWeights(withFactors({ ...DEFAULT_WEIGHTS.factors, gasSaving: -1 }));
    expect(neg).toMatchObject({
      ok: false,
      issues: [{ code: 'weights.out-of-range', path: ['factors', 'gasSaving'] }],
    });
    expect(!neg.ok && neg.issues[0]!.message).toBe('factors.gasSaving: expected a value ≥ 0');
    expect(parseWeights(withFactors(Object.fromEntries(FACTOR_IDS.map((f) => [f, 0]))))).toMatchObject({
      ok: false,
      issues: [{ code: 'weights.all-zero', path: ['factors'] }],
    });
    expect(parseWeights({ ...DEFAULT_WEIGHTS, version: 2 })).toMatchObject({
      ok: false,
      issues: [{ code: 'weights.invalid-value', path: ['version'] }],
    });
    // Low-income shares per buurt are buurt parameters (engine/buurt-parameters), not weights: a second source is refused.
    const buurt = {
      ...DEFAULT_WEIGHTS,
      energyPoverty: { ...DEFAULT_WEIGHTS.energyPoverty, lowIncomeShareByBuurt: { BU16740202: 0.5 } },
    };
    expect(parseWeights(buurt)).toMatchObject({
      ok: false,
      issues: [{ code: 'weights.unknown-key', path: ['energyPoverty', 'lowIncomeShareByBuurt'] }],
    });
    const label = {
      ...DEFAULT_WEIGHTS,
      energyPoverty: { ...DEFAULT_WEIGHTS.energyPoverty, poorLabelQuality: { H: 1 } },
    };
    expect(parseWeights(label)).toMatchObject({ ok: false });
  });
  it('reports a JSON syntax error as weights.json', () => {
    expect(parseWeightsText('{"version": 1,')).toMatchObject({
      ok: false,
      issues: [{ code: 'weights.json', path: [] }],
    });
  });
});
