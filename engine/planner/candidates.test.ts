import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../retrofit/params.ts';
import { DEFAULT_WEIGHTS } from '../retrofit/weights.ts';
import { smallDataset } from '../../test/fixtures/small-dataset.ts';
import { buildCandidates, corporationBlockYears, shareOf } from './candidates.ts';
import { parsePlanInput } from './plan-input.ts';

const input = (over: Record<string, unknown> = {}) => {
  const r = parsePlanInput({ runDate: '2025-07-01', budgetEur: 1, capacity: { perSeason: { dwellings: 10 } }, ...over });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
};

describe('shareOf', () => {
  it('takes the most specific rule: measure + ownership, measure, ownership, default', () => {
    const ps = input({ programmeShare: { default: 0.5, rules: [
      { ownership: 'particuliere verhuur', share: 0.2 }, { measure: 'roof', share: 0.7 }, { measure: 'roof', ownership: 'particuliere verhuur', share: 0.9 },
    ] } }).programmeShare;
    expect(shareOf(ps, 'roof', 'particuliere verhuur')).toBe(0.9);
    expect(shareOf(ps, 'roof', 'eigenaar-bewoner')).toBe(0.7);
    expect(shareOf(ps, 'floor', 'particuliere verhuur')).toBe(0.2);
    expect(shareOf(ps, 'floor', 'eigenaar-bewoner')).toBe(0.5);
  });
});

describe('buildCandidates', () => {
  it('leaves out corporation dwellings and fixed ones; project price is not above individual; shares follow the input', () => {
    const ds = smallDataset();
    const all = buildCandidates(ds, input(), DEFAULT_PARAMS, DEFAULT_WEIGHTS, new Set());
    expect(all.candidates.length).toBeGreaterThan(0);
    expect(all.candidates.some((c) => c.ownership === 'corporatie')).toBe(false);
    expect(all.skipped.corporation).toBe(ds.dwellings.filter((d) => d.ownership === 'corporatie' && d.buurtcode.startsWith('BU1674')).length);
    for (const c of all.candidates) {
      expect(c.costEur[1]).toBeLessThanOrEqual(c.costEur[0] + 1e-6);
      expect(c.contributionEur[0]).toBeCloseTo(c.costEur[0] * 0.5, 3);
      expect(c.measures.length).toBeGreaterThan(0);
      expect(c.gasSavingM3PerYear).toBeGreaterThan(0);
    }
    const first = all.candidates[0]!.vboId;
    const rest = buildCandidates(ds, input(), DEFAULT_PARAMS, DEFAULT_WEIGHTS, new Set([first]));
    expect(rest.candidates.map((c) => c.vboId)).not.toContain(first);
    expect(rest.skipped.fixed).toBe(1);
    const none = buildCandidates(ds, input({ programmeShare: { default: 0 } }), DEFAULT_PARAMS, DEFAULT_WEIGHTS, new Set());
    for (const c of none.candidates) expect(c.contributionEur).toEqual([0, 0]);
  });

  it('maps the corporation schedule to blocks and rejects an unknown pand', () => {
    const ds = smallDataset();
    const corp = ds.dwellings.find((d) => d.ownership === 'corporatie')!;
    const r = corporationBlockYears(ds, input({ corporationSchedule: [{ pandIds: [corp.pandId], year: 2028 }] }));
    expect(r.ok && [...r.value.values()]).toEqual([2028]);
    const bad = corporationBlockYears(ds, input({ corporationSchedule: [{ pandIds: ['9999999999999999'], year: 2028 }] }));
    expect(bad.ok ? null : bad.issues[0]!.path).toEqual(['corporationSchedule', 0, 'pandIds', 0]);
  });
});
