import { describe, expect, it } from 'vitest';
import { rankVves, vveInput } from './vve-assess.ts';
import { rankingBody } from './vve-body.ts';
import { DEFAULT_VVE_CONFIG } from './vve-config.ts';
import { owners, vveDataset } from './vve-fixture.ts';
import { createVveSession } from './vve-session.ts';

const ds = vveDataset([
  { vveId: 'VVE-A', ownership: [...owners(3, 'corporatie'), ...owners(7)] },
  { vveId: 'VVE-B', ownership: owners(6) },
  { vveId: 'VVE-C', ownership: owners(9) },
]);
const clock = () => {
  let t = 0;
  return () => (t += 5);
};

describe('createVveSession', () => {
  it('answers "not loaded" before a dataset is loaded', () => {
    const r = createVveSession({ now: clock() }).ranking();
    expect(r).toMatchObject({ ok: false, issues: [{ code: 'vve.not-loaded' }] });
  });

  it('ranks at load and answers the same body as rankVves + rankingBody, from the input parts only', () => {
    const s = createVveSession({ now: clock() });
    expect(s.load(vveInput(ds), DEFAULT_VVE_CONFIG)).toEqual({
      ok: true,
      value: { count: 3, rejected: 0, ms: 5 },
      warnings: [],
    });
    const direct = rankVves(ds, { config: DEFAULT_VVE_CONFIG });
    if (!direct.ok) throw new Error('ranking failed');
    const r = s.ranking();
    expect(r.ok && r.value).toEqual(rankingBody(ds.meta, direct.value, direct.warnings, DEFAULT_VVE_CONFIG));
    // The same configuration sent again (a structured clone) is the loaded ranking, not a new one.
    const again = s.ranking(structuredClone(DEFAULT_VVE_CONFIG));
    expect(again.ok && r.ok && again.value).toBe(r.ok && r.value);
  });

  it('ranks another configuration on demand without replacing the loaded one', () => {
    const s = createVveSession({ now: clock() });
    const loose = { ...DEFAULT_VVE_CONFIG, shortlistMinDecisionProbability: 0 };
    s.load(vveInput(ds), loose);
    const one = s.ranking({ ...loose, shortlistSize: 1 });
    expect(one.ok && one.value.shortlist).toHaveLength(1);
    const dflt = s.ranking();
    expect(dflt.ok && dflt.value.shortlist.length).toBeGreaterThan(1);
  });

  it('picks the policy rules on the run date it was loaded with, also for another configuration', () => {
    const s = createVveSession({ now: clock() });
    s.load(vveInput(ds), DEFAULT_VVE_CONFIG, '2026-12-08');
    const r = s.ranking({ ...DEFAULT_VVE_CONFIG, shortlistSize: 1 });
    expect(r.ok && r.value.rulesDate).toBe('2026-12-08');
    expect(r.ok && r.value.rulesUsed.map((v) => v.version)).toContain('warmtefonds.vve.max-per-right@2026-01-01');
  });

  it('keeps nothing when the configuration is invalid, and says why', () => {
    const s = createVveSession({ now: clock() });
    const bad = { ...DEFAULT_VVE_CONFIG, shortlistSize: 0 };
    expect(s.load(vveInput(ds), bad)).toMatchObject({ ok: false, issues: [{ path: ['shortlistSize'] }] });
    expect(s.ranking()).toMatchObject({ ok: false, issues: [{ code: 'vve.not-loaded' }] });
    s.load(vveInput(ds), DEFAULT_VVE_CONFIG);
    expect(s.ranking(bad)).toMatchObject({ ok: false, issues: [{ path: ['shortlistSize'] }] });
  });
});
