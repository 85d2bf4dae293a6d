import { describe, expect, it } from 'vitest';
import { rankVves, type VveRanking } from './vve-assess.ts';
import { DEFAULT_VVE_CONFIG, type VveConfig } from './vve-config.ts';
import { owners, vveDataset } from './vve-fixture.ts';

const rank = (ds: ReturnType<typeof vveDataset>, config: VveConfig = DEFAULT_VVE_CONFIG): VveRanking => {
  const r = rankVves(ds, { config });
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('; '));
  return r.value;
};
const byId = (r: VveRanking, id: string) => r.vves.find((v) => v.vveId === id)!;

describe('rankVves: cases straight from the rules (docs/domain.md §3)', () => {
  it('a 6-unit VvE borrows on the small path when all members sign; an 8-unit one on the ≥ 8 path with documents to arrange', () => {
    const r = rank(
      vveDataset([
        { vveId: 'VVE-6', ownership: owners(6) },
        { vveId: 'VVE-8', ownership: owners(8) },
      ]),
    );
    const six = byId(r, 'VVE-6'),
      eight = byId(r, 'VVE-8');
    expect(six.warmtefonds).toMatchObject({ eligible: true, path: 'small-all-sign', preconditions: [] });
    expect(six.reasons.map((x) => x.code)).toContain('omvang.klein-alle-leden');
    // The decision a small VvE needs is everyone's signature: far less likely than a 2/3 majority.
    expect(six.decisionProbability).toBe(six.decision.unanimityProbability);
    expect(six.decisionProbability).toBeLessThan(six.qualifiedMajorityProbability);
    expect(eight.warmtefonds).toMatchObject({ eligible: true, path: 'large' });
    expect(eight.warmtefonds.preconditions.map((p) => p.id)).toEqual(['maatwerk-vve-energieadvies', 'mjop-loan-term']);
    expect(eight.reasons.map((x) => x.code)).toEqual(
      expect.arrayContaining(['omvang.warmtefonds', 'voorwaarde.energieadvies']),
    );
    expect(eight.decisionProbability).toBe(eight.qualifiedMajorityProbability);
    expect(eight.decision.unanimityProbability).toBeNull();
  });

  it('counts the second meeting without quorum: the decision probability is above the first meeting alone', () => {
    const v = byId(rank(vveDataset([{ vveId: 'VVE-9', ownership: owners(9) }])), 'VVE-9');
    const d = v.decision;
    expect(d.secondMeetingMajority).toBeCloseTo(2 / 3, 4);
    expect(d.quorumMissedProbability).toBeGreaterThan(0);
    expect(v.qualifiedMajorityProbability).toBeCloseTo(
      d.firstMeetingProbability + d.quorumMissedProbability * d.secondMeetingProbability,
      3,
    );
    expect(v.qualifiedMajorityProbability).toBeGreaterThan(d.firstMeetingProbability);
  });

  it('states the rule versions it used, picked on the run date', () => {
    const ds = vveDataset([{ vveId: 'VVE-9', ownership: owners(9) }]);
    const r = rankVves(ds, { config: DEFAULT_VVE_CONFIG, rulesDate: '2026-12-08' });
    expect(r.ok && r.value.rulesDate).toBe('2026-12-08');
    expect(r.ok && r.value.rulesUsed.map((v) => v.version)).toEqual([
      'vve.decision.change.majority@2018-01-01',
      'vve.decision.change.quorum@2018-01-01',
      'vve.decision.second-meeting.allowed@2018-01-01',
      'vve.decision.second-meeting.majority@2018-01-01',
      'warmtefonds.vve.interest-by-term@2020-07-22',
      'warmtefonds.vve.large.documents@2020-07-22',
      'warmtefonds.vve.large.min-dwellings@2020-07-22',
      'warmtefonds.vve.max-loan@2020-07-22',
      'warmtefonds.vve.max-per-right@2026-01-01',
      'warmtefonds.vve.min-loan@2020-07-22',
      'warmtefonds.vve.small.all-members-sign@2020-07-22',
      'warmtefonds.vve.small.min-dwellings@2020-07-22',
    ]);
    expect(r.ok && r.value.vves[0]!.warmtefonds.maxPerRightEur).toBe(34_000);
    expect(rankVves(ds, { config: DEFAULT_VVE_CONFIG, rulesDate: '2019-01-01' }).ok).toBe(false);
  });

  it('a VvE where the corporation holds 60 % of the votes is corporation-controlled; 40 % is not', () => {
    const r = rank(
      vveDataset([
        { vveId: 'VVE-60', ownership: [...owners(6, 'corporatie'), ...owners(4)] },
        { vveId: 'VVE-40', ownership: [...owners(4, 'corporatie'), ...owners(6)] },
      ]),
    );
    expect(byId(r, 'VVE-60')).toMatchObject({ corporationVoteShare: 0.6, corporationControlled: true });
    expect(byId(r, 'VVE-60').reasons.map((x) => x.code)).toContain('corporatie.bepalend');
    expect(byId(r, 'VVE-40')).toMatchObject({ corporationVoteShare: 0.4, corporationControlled: false });
  });

  it('counts votes, not dwellings: 3 of 10 flats holding 60 % of the breukdelen is corporation-controlled', () => {
    const r = rank(
      vveDataset([
        {
          vveId: 'VVE-V',
          ownership: [...owners(3, 'corporatie'), ...owners(7)],
          votes: [20, 20, 20, 40 / 7, 40 / 7, 40 / 7, 40 / 7, 40 / 7, 40 / 7, 40 / 7],
        },
      ]),
    );
    expect(byId(r, 'VVE-V').corporationVoteShare).toBeCloseTo(0.6, 4);
    expect(byId(r, 'VVE-V').corporationControlled).toBe(true);
    expect(byId(r, 'VVE-V').decision.method).toBe('monte-carlo');
  });

  it('a dormant VvE ranks below an otherwise identical active one', () => {
    const r = rank(
      vveDataset([
        { vveId: 'VVE-B-DORMANT', ownership: owners(10), active: false },
        { vveId: 'VVE-A-ACTIVE', ownership: owners(10), active: true },
      ]),
    );
    // The dormant one comes first in id order, so only the score can put it second.
    const dormant = byId(r, 'VVE-B-DORMANT'),
      active = byId(r, 'VVE-A-ACTIVE');
    expect(dormant.active).toBe(false);
    expect(active.active).toBe(true);
    expect(dormant.rank).toBeGreaterThan(active.rank);
    expect(dormant.score).toBeLessThan(active.score);
    expect(dormant.reasons.map((x) => x.code)).toContain('bestuur.slapend');
  });
});

describe('rankVves: the assessment', () => {
  const ds = vveDataset([
    { vveId: 'VVE-MIX', ownership: [...owners(3, 'corporatie'), ...owners(5), ...owners(2, 'particuliere verhuur')] },
  ]);
  const v = byId(rank(ds), 'VVE-MIX');

  it('counts rights, vote shares and owner-occupiers, and the label distribution', () => {
    expect(v).toMatchObject({
      units: 10,
      totalVotes: 10,
      corporationVoteShare: 0.3,
      corporationUnits: 3,
      ownerOccupiers: 5,
      ownerOccupierShare: 0.5,
      labels: { F: 10 },
      poorLabelShare: 1,
    });
  });

  it('prices the common-element package at project price with a survey, loan charge and savings per month', () => {
    expect(v.package.measures).toEqual(expect.arrayContaining(['cavity-wall', 'glazing']));
    expect(v.package.measures).not.toContain('hybrid-heat-pump');
    expect(v.package.nature).toMatchObject({ route: 'individual-survey', surveyNeeded: true });
    expect(v.package.surveyCostEur).toBeGreaterThanOrEqual(800);
    expect(v.package.nature.leadTimeDays).toBeGreaterThan(0);
    expect(v.package.totalCostEur).toBe(v.package.worksCostEur + v.package.surveyCostEur);
    expect(v.costPerRightEur).toBe(Math.round(v.package.totalCostEur / 10));
    expect(v.package.loanMonthlyPerRightEur).toBeGreaterThan(0);
    expect(v.package.savingPerRightPerMonthEur).toBeGreaterThan(0);
    expect(v.package.netPerRightPerMonthEur).toBeCloseTo(
      v.package.savingPerRightPerMonthEur - v.package.loanMonthlyPerRightEur,
      1,
    );
  });

  it('computes the decision exactly, with the legal 2/3 majority and quorum by default', () => {
    expect(v.decision).toMatchObject({
      method: 'exact',
      majority: 0.6667,
      quorum: 0.6667,
      ruleSource: 'default',
      corporationVote: 'for',
    });
    expect(v.qualifiedMajorityProbability).toBeGreaterThan(0);
    expect(v.qualifiedMajorityProbability).toBeLessThan(1);
  });

  it('a corporation voting against lowers the probability', () => {
    const against = byId(
      rank(ds, { ...DEFAULT_VVE_CONFIG, decision: { ...DEFAULT_VVE_CONFIG.decision, corporationVote: 'against' } }),
      'VVE-MIX',
    );
    expect(against.qualifiedMajorityProbability).toBeLessThan(v.qualifiedMajorityProbability);
  });

  it('uses the per-VvE override and the register majority', () => {
    const lower = byId(rank(ds, { ...DEFAULT_VVE_CONFIG, overrides: { 'VVE-MIX': { majority: 0.5 } } }), 'VVE-MIX');
    expect(lower.decision).toMatchObject({ majority: 0.5, ruleSource: 'override' });
    expect(lower.qualifiedMajorityProbability).toBeGreaterThan(v.qualifiedMajorityProbability);
    const reg = byId(rank(vveDataset([{ vveId: 'VVE-R', ownership: owners(9), majorityRule: 0.75 }])), 'VVE-R');
    expect(reg.decision).toMatchObject({ majority: 0.75, ruleSource: 'register' });
  });

  it('marks assumed register fields per VvE', () => {
    const d = vveDataset([{ vveId: 'VVE-X', ownership: owners(9) }]);
    d.vves[0] = { ...d.vves[0]!, mjopYear: null, reserveFundEur: null };
    const x = byId(rank(d), 'VVE-X');
    expect(x.activity.basis).toBe('assumed');
    expect(x.assumptions.map((a) => a.field)).toEqual(['mjopYear', 'reserveFundEur']);
    expect(x.reasons.map((r) => r.code)).toContain('gegevens.aangenomen');
  });

  it('is deterministic: the same input gives the same JSON', () => {
    expect(JSON.stringify(rank(ds))).toBe(JSON.stringify(rank(ds)));
  });
});

describe('rankVves: bad input is reported per VvE, the rest is still ranked', () => {
  it('rights that do not add up, unknown members, duplicates and a majority outside (0, 1]', () => {
    const ds = vveDataset([
      { vveId: 'VVE-OK', ownership: owners(9) },
      { vveId: 'VVE-EXTRA', ownership: owners(8) },
      { vveId: 'VVE-GHOST', ownership: owners(8) },
      { vveId: 'VVE-DUP', ownership: owners(8) },
      { vveId: 'VVE-MAJ', ownership: owners(8) },
    ]);
    const extra = ds.vves.find((v) => v.vveId === 'VVE-EXTRA')!;
    extra.members = extra.members.slice(1); // the dwelling still names VVE-EXTRA
    ds.vves.find((v) => v.vveId === 'VVE-GHOST')!.members.push({ vboId: '1674010999999999', votes: 1 });
    const dup = ds.vves.find((v) => v.vveId === 'VVE-DUP')!;
    dup.members.push({ ...dup.members[0]! });
    const r = rank(ds, {
      ...DEFAULT_VVE_CONFIG,
      overrides: { 'VVE-MAJ': { majority: 1.5 }, 'VVE-NONE': { majority: 0.5 } },
    });
    expect(r.vves.map((v) => v.vveId)).toEqual(['VVE-OK']);
    const codes = Object.fromEntries(r.rejected.map((x) => [x.vveId, x.issues.map((i) => i.code)]));
    expect(codes).toEqual({
      'VVE-DUP': ['vve.members.duplicate'],
      'VVE-EXTRA': ['vve.rights.mismatch'],
      'VVE-GHOST': ['vve.members.unknown'],
      'VVE-MAJ': ['vve.majority.invalid'],
    });
    expect(r.rejected.find((x) => x.vveId === 'VVE-MAJ')!.issues[0]!.path).toEqual([
      'overrides',
      'VVE-MAJ',
      'majority',
    ]);
    const again = rankVves(ds, { config: { ...DEFAULT_VVE_CONFIG, overrides: { 'VVE-NONE': { majority: 0.5 } } } });
    expect(again.ok && again.warnings.map((w) => w.code)).toEqual(['vve.config.override-unknown']);
  });

  it('a majority of 0 or a negative quorum is reported too', () => {
    const ds = vveDataset([
      { vveId: 'VVE-A', ownership: owners(8) },
      { vveId: 'VVE-B', ownership: owners(8) },
    ]);
    const r = rank(ds, { ...DEFAULT_VVE_CONFIG, overrides: { 'VVE-A': { majority: 0 }, 'VVE-B': { quorum: -0.1 } } });
    expect(r.vves).toEqual([]);
    expect(r.rejected.flatMap((x) => x.issues.map((i) => i.code))).toEqual([
      'vve.majority.invalid',
      'vve.quorum.invalid',
    ]);
  });

  it('refuses an invalid configuration as a whole', () => {
    const r = rankVves(vveDataset([]), { config: { ...DEFAULT_VVE_CONFIG, shortlistSize: 0 } });
    expect(r.ok).toBe(false);
  });
});

describe('rankVves: the shortlist', () => {
  const ds = vveDataset([
    { vveId: 'VVE-CORP', ownership: [...owners(7, 'corporatie'), ...owners(3)] },
    { vveId: 'VVE-P1', ownership: [...owners(3, 'corporatie'), ...owners(7)] },
    { vveId: 'VVE-P2', ownership: owners(9) },
    { vveId: 'VVE-P3', ownership: owners(5) },
  ]);
  it("takes the best by score up to the configured size, leaving corporation-controlled VvE's to their own path", () => {
    const r = rank(ds, { ...DEFAULT_VVE_CONFIG, shortlistSize: 2, shortlistMinDecisionProbability: 0 });
    expect(byId(r, 'VVE-CORP').corporationControlled).toBe(true);
    expect(r.shortlist).not.toContain('VVE-CORP');
    expect(r.shortlist).toHaveLength(2);
    expect(r.shortlist).toEqual(
      r.vves
        .filter((v) => !v.corporationControlled)
        .slice(0, 2)
        .map((v) => v.vveId),
    );
    const all = rank(ds, {
      ...DEFAULT_VVE_CONFIG,
      shortlistSize: 2,
      shortlistExcludesCorporationControlled: false,
      shortlistMinDecisionProbability: 0,
    });
    expect(all.shortlist).toEqual(all.vves.slice(0, 2).map((v) => v.vveId));
  });

  // The threshold splits this fixture's VvE's (decision probabilities 0.14, 0.08, 0 with the retrofit model's savings).
  it('leaves a VvE whose decision probability is under the threshold off the shortlist, and says why', () => {
    const r = rank(ds, { ...DEFAULT_VVE_CONFIG, shortlistSize: 3, shortlistMinDecisionProbability: 0.12 });
    const low = r.vves.filter((v) => !v.corporationControlled && v.decisionProbability < 0.12);
    const high = r.vves.filter((v) => !v.corporationControlled && v.decisionProbability >= 0.12);
    expect(low.length).toBeGreaterThan(0);
    expect(high.length).toBeGreaterThan(0);
    expect(r.shortlist).toEqual(high.map((v) => v.vveId));
    for (const v of low) {
      expect(v.shortlisted).toBe(false);
      expect(v.reasons.map((x) => x.code)).toContain('shortlist.onder-drempel');
      expect(v.shortlistNote).toMatch(/^Kans op een besluit [\d,]+% ligt onder de drempel van 12% voor de shortlist$/);
    }
    for (const v of high) expect(v.shortlistNote).toBeNull();
  });
});
