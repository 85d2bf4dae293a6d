import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_VVE_CONFIG, parseVveConfig } from './vve-config.ts';

const shipped = JSON.parse(readFileSync(new URL('../../config/vve.default.json', import.meta.url), 'utf8')) as Record<
  string,
  unknown
>;

describe('parseVveConfig', () => {
  it('accepts the shipped file, whose legal figures are those of docs/domain.md §3', () => {
    const r = parseVveConfig(shipped);
    expect(r.ok).toBe(true);
    // The fund's terms and the decision rules are dated rules now (config/rules), not configuration.
    expect(DEFAULT_VVE_CONFIG.warmtefonds).toEqual({ termYears: 15 });
    expect(DEFAULT_VVE_CONFIG.shortlistMinDecisionProbability).toBe(0.25);
    expect(DEFAULT_VVE_CONFIG.activity).toMatchObject({ maxMjopAgeYears: 5, reserveRateOfRebuildValue: 0.005 });
  });
  it('names the path and the allowed values of a bad field', () => {
    const r = parseVveConfig({ ...shipped, warmtefonds: { ...DEFAULT_VVE_CONFIG.warmtefonds, termYears: 12 } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]!.path).toEqual(['warmtefonds', 'termYears']);
  });
  it('rejects unknown keys and weights that do not add up to 100', () => {
    const unknown = parseVveConfig({ ...shipped, extra: 1 });
    expect(!unknown.ok && unknown.issues[0]!.code).toBe('vve.config.unknown-key');
    const weights = parseVveConfig({
      ...shipped,
      score: { ...DEFAULT_VVE_CONFIG.score, weights: { ...DEFAULT_VVE_CONFIG.score.weights, size: 50 } },
    });
    expect(!weights.ok && weights.issues[0]!.code).toBe('vve.config.weights-sum');
  });
  it('rejects a reversed corporation band and a support model of the wrong sign', () => {
    const band = parseVveConfig({
      ...shipped,
      score: { ...DEFAULT_VVE_CONFIG.score, corporationShareBand: [0.5, 0.1] },
    });
    expect(!band.ok && band.issues[0]!.code).toBe('vve.config.band');
    const sign = parseVveConfig({
      ...shipped,
      decision: {
        ...DEFAULT_VVE_CONFIG.decision,
        support: { ...DEFAULT_VVE_CONFIG.decision.support, perEurCostPerMonth: -1 },
      },
    });
    expect(!sign.ok && sign.issues[0]!.path).toEqual(['decision', 'support', 'perEurCostPerMonth']);
  });
});
