import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from './params.ts';
import { buildScoreTables } from './score-tables.ts';
import { DEFAULT_WEIGHTS, type WeightsConfig } from './weights.ts';
import { whatIfTables } from './what-if-tables.ts';

describe('whatIfTables', () => {
  const otherQuote: WeightsConfig = {
    ...DEFAULT_WEIGHTS,
    energyPoverty: { ...DEFAULT_WEIGHTS.energyPoverty, energyQuoteThreshold: 0.08 },
  };

  it.each([
    ['no share', DEFAULT_WEIGHTS, NaN],
    ['a given share', DEFAULT_WEIGHTS, 0.3],
    ['a share float32 rounds', DEFAULT_WEIGHTS, 0.123456789],
    ['a zero share', DEFAULT_WEIGHTS, 0],
    ['another quote threshold', otherQuote, 0.2],
  ])('equals buildScoreTables for %s', (_, weights, share) => {
    const shares = Float32Array.of(share);
    expect(whatIfTables(DEFAULT_PARAMS, weights, shares)).toEqual(
      buildScoreTables(DEFAULT_PARAMS, weights, [''], shares),
    );
  });

  it('reuses the tables per params and weights, but never the per-request share', () => {
    const a = whatIfTables(DEFAULT_PARAMS, DEFAULT_WEIGHTS, Float32Array.of(0.1));
    const b = whatIfTables(DEFAULT_PARAMS, DEFAULT_WEIGHTS, Float32Array.of(0.5));
    expect(a.packed).toBe(b.packed);
    expect(a.buurtShare).not.toBe(b.buurtShare);
    expect([a.buurtShare[0], b.buurtShare[0]]).toEqual([Math.fround(0.1), 0.5]);
    const other = whatIfTables(DEFAULT_PARAMS, { ...DEFAULT_WEIGHTS }, Float32Array.of(0.1));
    expect(other.packed).not.toBe(a.packed);
    expect(other).toEqual(a);
  });
});
