import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng } from '../rng.ts';
import { DEFAULT_VVE_CONFIG } from './vve-config.ts';
import {
  decisionProbability,
  integerVotes,
  ownerSupport,
  unanimityProbability,
  type DecisionInput,
  type Owner,
} from './vve-decision.ts';

const opts = (exactMaxVotes = 1200) => ({ exactMaxVotes, draws: 200_000, rng: createRng(7) });
const owners = (n: number, attend: number, support: number, votes = 1): Owner[] =>
  Array.from({ length: n }, () => ({ votes, attend, support }));
const TWO_THIRDS = 2 / 3;

/**
 * Brute force over every owner's three outcomes (absent, for, against) in the first meeting and, when it misses its
 * quorum, over every outcome of an independent second meeting without quorum.
 */
function brute(d: DecisionInput): number {
  const total = d.corporation.votes + d.owners.reduce((a, o) => a + o.votes, 0);
  let first = 0,
    missed = 0,
    second = 0;
  const rec = (i: number, pr: number, p: number, f: number) => {
    if (i === d.owners.length) {
      const cp = p + (d.corporation.vote === 'abstain' ? 0 : d.corporation.votes),
        cf = f + (d.corporation.vote === 'for' ? d.corporation.votes : 0);
      const quorate = cp > 0 && cp >= d.quorum * total - 1e-9;
      if (quorate && cf >= d.majority * cp - 1e-9) first += pr;
      if (!quorate) missed += pr;
      if (d.secondMeeting && cp > 0 && cf >= d.secondMeeting.majority * cp - 1e-9) second += pr;
      return;
    }
    const o = d.owners[i]!;
    rec(i + 1, pr * (1 - o.attend), p, f);
    rec(i + 1, pr * o.attend * o.support, p + o.votes, f + o.votes);
    rec(i + 1, pr * o.attend * (1 - o.support), p + o.votes, f);
  };
  rec(0, 1, 0, 0);
  return first + missed * second;
}

describe('decisionProbability', () => {
  it('is exact: equals a brute-force enumeration, with unequal votes (breukdelen by area)', () => {
    const d: DecisionInput = {
      owners: [
        { votes: 65, attend: 0.8, support: 0.6 },
        { votes: 72, attend: 0.5, support: 0.9 },
        { votes: 65, attend: 0.9, support: 0.3 },
        { votes: 80, attend: 0.7, support: 0.5 },
        { votes: 58, attend: 1, support: 0.4 },
      ],
      corporation: { votes: 130, vote: 'for' },
      majority: TWO_THIRDS,
      quorum: TWO_THIRDS,
      secondMeeting: null,
    };
    const r = decisionProbability(d, opts());
    expect(r.method).toBe('exact');
    expect(r.probability).toBeCloseTo(brute(d), 12);
  });

  it('is exact for any small VvE: random votes, attendance, support, corporation vote, majority and quorum (fast-check, seeded)', () => {
    const prob = fc.double({ min: 0, max: 1, noNaN: true });
    const frac = fc.double({ min: 0.01, max: 1, noNaN: true });
    fc.assert(
      fc.property(
        fc.array(fc.record({ votes: fc.integer({ min: 1, max: 9 }), attend: prob, support: prob }), {
          minLength: 0,
          maxLength: 7,
        }),
        fc.integer({ min: 0, max: 12 }),
        fc.constantFrom('for' as const, 'against' as const, 'abstain' as const),
        frac,
        frac,
        fc.option(frac, { nil: null }),
        (owners, corp, vote, majority, quorum, second) => {
          const d: DecisionInput = {
            owners,
            corporation: { votes: corp, vote },
            majority,
            quorum,
            secondMeeting: second === null ? null : { majority: second },
          };
          if (owners.length === 0 && corp === 0) return;
          const r = decisionProbability(d, opts());
          expect(r.method).toBe('exact');
          expect(r.probability).toBeCloseTo(brute(d), 9);
        },
      ),
      { seed: 1674, numRuns: 300 },
    );
  });

  it('certain when everyone attends and supports; impossible when nobody attends', () => {
    const base = {
      corporation: { votes: 0, vote: 'for' as const },
      majority: TWO_THIRDS,
      quorum: TWO_THIRDS,
      secondMeeting: null,
    };
    expect(decisionProbability({ ...base, owners: owners(9, 1, 1) }, opts()).probability).toBeCloseTo(1, 12);
    expect(decisionProbability({ ...base, owners: owners(9, 0, 1) }, opts()).probability).toBe(0);
  });

  it('a corporation with more than 2/3 of the votes carries the decision alone', () => {
    const d: DecisionInput = {
      owners: owners(3, 0.2, 0.1),
      corporation: { votes: 7, vote: 'for' },
      majority: TWO_THIRDS,
      quorum: TWO_THIRDS,
      secondMeeting: null,
    };
    expect(decisionProbability(d, opts()).probability).toBeCloseTo(1, 12);
    expect(decisionProbability({ ...d, corporation: { votes: 7, vote: 'against' } }, opts()).probability).toBe(0);
  });

  it('the quorum binds: 6 equal owners who all support but attend with 0.5 need 4 present', () => {
    const d: DecisionInput = {
      owners: owners(6, 0.5, 1),
      corporation: { votes: 0, vote: 'for' },
      majority: TWO_THIRDS,
      quorum: TWO_THIRDS,
      secondMeeting: null,
    };
    // P(Binomial(6, 0.5) ≥ 4) = (15 + 6 + 1) / 64
    expect(decisionProbability(d, opts()).probability).toBeCloseTo(22 / 64, 12);
  });

  it('a second meeting without quorum decides when the first misses its quorum (model regulations)', () => {
    const d: DecisionInput = {
      owners: owners(6, 0.5, 1),
      corporation: { votes: 0, vote: 'for' },
      majority: TWO_THIRDS,
      quorum: TWO_THIRDS,
      secondMeeting: { majority: TWO_THIRDS },
    };
    // First: 22/64; quorum missed: 42/64; second meeting: anyone present (all for) carries it, P = 63/64.
    const r = decisionProbability(d, opts());
    expect(r).toMatchObject({ firstMeeting: 22 / 64, quorumMissed: 42 / 64, secondMeeting: 63 / 64 });
    expect(r.probability).toBeCloseTo(22 / 64 + (42 / 64) * (63 / 64), 12);
    // Monte Carlo follows the same path.
    const mc = decisionProbability(d, opts(1));
    expect(mc.method).toBe('monte-carlo');
    expect(Math.abs(mc.probability - r.probability)).toBeLessThan(4 * mc.standardError! + 1e-3);
  });

  it('falls back to seeded Monte Carlo for large vote totals, agreeing with the exact result', () => {
    const d: DecisionInput = {
      owners: Array.from({ length: 12 }, (_, i) => ({ votes: 60 + i * 3, attend: 0.75, support: 0.55 })),
      corporation: { votes: 150, vote: 'for' },
      majority: TWO_THIRDS,
      quorum: TWO_THIRDS,
      secondMeeting: null,
    };
    const ex = decisionProbability(d, opts());
    const mc = decisionProbability(d, opts(10));
    expect(ex.method).toBe('exact');
    expect(mc.method).toBe('monte-carlo');
    expect(Math.abs(mc.probability - ex.probability)).toBeLessThan(4 * mc.standardError! + 1e-3);
    expect(decisionProbability(d, opts(10)).probability).toBe(mc.probability); // same seed, same answer
  });

  it('scales decimal votes to whole numbers', () => {
    expect(integerVotes([0.25, 0.5, 0.25])).toEqual([1, 2, 1]);
    expect(integerVotes([Math.PI])).toBeNull();
  });
});

describe('unanimityProbability (small VvE: every member signs)', () => {
  it("multiplies each owner's signing probability; a corporation signs only when it votes for", () => {
    const os = [{ support: 0.9 }, { support: 0.8 }];
    expect(unanimityProbability(os, { votes: 2, vote: 'for' }, 1)).toBeCloseTo(0.72, 12);
    expect(unanimityProbability(os, { votes: 0, vote: 'against' }, 0.5)).toBeCloseTo(0.18, 12);
    expect(unanimityProbability(os, { votes: 2, vote: 'abstain' }, 1)).toBe(0);
  });
});

describe('ownerSupport (logistic, config/vve.default.json)', () => {
  const s = DEFAULT_VVE_CONFIG.decision.support;
  it('rises with the net monthly saving and falls with the monthly cost', () => {
    expect(ownerSupport(20, 50, s)).toBeGreaterThan(ownerSupport(0, 50, s));
    expect(ownerSupport(0, 150, s)).toBeLessThan(ownerSupport(0, 50, s));
    expect(ownerSupport(0, 0, s)).toBeCloseTo(1 / (1 + Math.exp(-s.intercept)), 12);
  });
});
