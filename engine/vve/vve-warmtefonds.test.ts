import { describe, expect, it } from 'vitest';
import { SHIPPED_RULES } from '../rules/shipped-rules.ts';
import { vveRules } from './vve-rules.ts';
import { warmtefonds, type WarmtefondsFacts } from './vve-warmtefonds.ts';

const on = (date: string) => {
  const r = vveRules(SHIPPED_RULES, date, 15);
  if (!r.ok) throw new Error(r.issues[0]!.message);
  return r.value.warmtefonds;
};
const W = on('2026-12-08');
const facts = (o: Partial<WarmtefondsFacts> = {}): WarmtefondsFacts => ({
  units: 10,
  totalCostEur: 100_000,
  costPerRightEur: 10_000,
  mjopYear: 2024,
  mjopCurrent: true,
  mjopHorizonYears: 10,
  asOfYear: 2026,
  ...o,
});

describe('warmtefonds (config/rules/warmtefonds-vve.json, docs/domain.md §3)', () => {
  it('takes the per-right maximum valid on the run date: €30,000 in 2025, €34,000 from 2026', () => {
    expect(on('2025-06-30').maxPerRightEur).toBe(30_000);
    expect(W.maxPerRightEur).toBe(34_000);
    expect(warmtefonds(facts({ costPerRightEur: 32_000 }), W).failing).toEqual([]);
    expect(warmtefonds(facts({ costPerRightEur: 32_000 }), on('2025-06-30')).failing).toEqual(['lening.te-hoog']);
  });

  it('lets a small VvE borrow when all members sign: eligible on the small path, no documents', () => {
    const r = warmtefonds(facts({ units: 4, totalCostEur: 40_000 }), W);
    expect(r).toMatchObject({ eligible: true, path: 'small-all-sign', failing: [], preconditions: [] });
    expect(warmtefonds(facts({ units: 1, totalCostEur: 40_000 }), W)).toMatchObject({
      eligible: false,
      path: null,
      failing: ['omvang.te-klein'],
    });
  });

  it('lists energy advice and an MJOP over the loan term as preconditions of the ≥ 8 path, not disqualifiers', () => {
    const r = warmtefonds(facts(), W);
    expect(r.eligible).toBe(true);
    expect(r.path).toBe('large');
    // MJOP of 2024 plans to 2034; a 15-year loan from 2026 runs to 2041: extend it.
    expect(r.preconditions).toEqual([
      {
        id: 'maatwerk-vve-energieadvies',
        name: 'Maatwerk VvE Energieadvies (BRL 9500-gecertificeerd)',
        met: null,
        todo: 'Maatwerk VvE Energieadvies (BRL 9500-gecertificeerd) laten opstellen (of aanleveren)',
      },
      {
        id: 'mjop-loan-term',
        name: 'MJOP dat minstens de looptijd van de lening dekt',
        met: false,
        todo: 'MJOP opstellen of verlengen tot ten minste 2041 (looptijd 15 jaar)',
      },
    ]);
    expect(warmtefonds(facts({ mjopHorizonYears: 20 }), W).preconditions[1]!.met).toBe(true);
    expect(warmtefonds(facts({ mjopYear: null }), W).preconditions[1]!.met).toBeNull();
  });

  it('refuses loans under the minimum and over the maximum per VvE', () => {
    expect(warmtefonds(facts({ totalCostEur: 24_000 }), W).failing).toEqual(['lening.te-laag']);
    expect(warmtefonds(facts({ units: 400, totalCostEur: 12_000_000, costPerRightEur: 30_000 }), W).failing).toEqual([
      'lening.boven-maximum',
    ]);
  });

  it('picks the rate for the configured term and refuses a term the rules do not list', () => {
    expect(W.annualRate).toBe(0.04);
    expect(vveRules(SHIPPED_RULES, '2026-12-08', 12)).toMatchObject({
      ok: false,
      issues: [{ code: 'rules.term.unknown' }],
    });
    const early = vveRules(SHIPPED_RULES, '2019-01-01', 15);
    expect(!early.ok && [...new Set(early.issues.map((i) => i.code))]).toEqual(['rules.date.uncovered']);
  });
});
