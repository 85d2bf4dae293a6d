import { describe, expect, it } from 'vitest';
import { pickRule } from './pick-rule.ts';
import { SHIPPED_RULES } from './shipped-rules.ts';

const WARMTEFONDS = 'https://www.warmtefonds.nl/vve/voorwaarden-vve-energiebespaarlening';
const RIJK_2026 =
  'https://www.rijksoverheid.nl/actueel/nieuws/2025/11/25/indexering-inkomensgrenzen-woningcorporaties-maximale-huurprijsgrenzen-en-huurtoeslagparameters-2026';

/** Pins each shipped rule to its value and its source row (docs/sources.md lists the same sources). */
const PINNED: [id: string, date: string, value: unknown, where: string][] = [
  ['warmtefonds.vve.max-per-right', '2025-06-01', 30000, WARMTEFONDS],
  ['warmtefonds.vve.max-per-right', '2026-12-08', 34000, WARMTEFONDS],
  ['warmtefonds.vve.min-loan', '2026-12-08', 25000, WARMTEFONDS],
  ['warmtefonds.vve.max-loan', '2026-12-08', 10_000_000, WARMTEFONDS],
  ['warmtefonds.vve.small.min-dwellings', '2026-12-08', 2, WARMTEFONDS],
  ['warmtefonds.vve.large.min-dwellings', '2026-12-08', 8, WARMTEFONDS],
  ['warmtefonds.vve.small.all-members-sign', '2026-12-08', true, WARMTEFONDS],
  ['vve.decision.change.majority', '2026-12-08', 2 / 3, 'docs/domain.md §3'],
  ['vve.decision.change.quorum', '2026-12-08', 2 / 3, 'docs/domain.md §3'],
  ['vve.decision.second-meeting.allowed', '2026-12-08', true, 'docs/domain.md §3'],
  ['vve.decision.second-meeting.majority', '2026-12-08', 2 / 3, 'docs/domain.md §3'],
  ['housing.daeb.income-limit.single', '2025-01-01', 49669, 'docs/domain.md §4'],
  ['housing.daeb.income-limit.multi', '2025-12-31', 54847, 'docs/domain.md §4'],
  ['housing.daeb.income-limit.single', '2026-01-01', 51537, RIJK_2026],
  ['housing.daeb.income-limit.multi', '2026-12-31', 56910, RIJK_2026],
  ['housing.passend.income-limit.single', '2026-06-01', 29400, RIJK_2026],
  ['housing.passend.income-limit.multi', '2026-06-01', 39925, RIJK_2026],
  ['housing.social-rent.ceiling', '2025-06-01', 900.07, 'docs/domain.md §4'],
  ['housing.social-rent.ceiling', '2026-06-01', 932.93, RIJK_2026],
  ['housing.passend.share', '2026-06-01', 0.95, 'docs/domain.md §4'],
  [
    'corporations.label-agreement',
    '2026-06-01',
    { owner: 'corporation', removeLabels: ['E', 'F', 'G'], byYear: 2028 },
    'docs/domain.md §4',
  ],
];

describe('shipped rules', () => {
  it.each(PINNED)('%s on %s is %j from %s', (id, date, value, where) => {
    const r = pickRule(SHIPPED_RULES, id, date);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.value).toEqual(value);
    expect('url' in r.value.source ? r.value.source.url : r.value.source.document).toBe(where);
  });

  it('states the large-VvE documents and the small-VvE path', () => {
    const d = pickRule(SHIPPED_RULES, 'warmtefonds.vve.large.documents', '2026-12-08');
    expect(d.ok && d.value.value).toEqual([
      { id: 'maatwerk-vve-energieadvies', name: 'Maatwerk VvE Energieadvies (BRL 9500-gecertificeerd)' },
      { id: 'mjop-loan-term', name: 'MJOP dat minstens de looptijd van de lening dekt' },
    ]);
  });

  it('flags the low-income inflow cap as needing a Rotterdamwet designation Roosendaal does not hold', () => {
    const r = pickRule(SHIPPED_RULES, 'municipal.low-income-inflow-cap', '2026-06-01');
    expect(r.ok && r.value.kind === 'designation' && r.value.value).toMatchObject({
      designated: false,
      maxShare: 0.5,
      law: expect.stringContaining('Rotterdamwet'),
    });
  });

  it('marks the values that are assumptions, not read from a source', () => {
    const assumed = SHIPPED_RULES.filter((r) => r.assumption)
      .map((r) => r.version)
      .sort();
    expect(assumed).toEqual([
      'housing.limits.indexation@2025-01-01',
      'housing.passend.income-limit.multi@2025-01-01',
      'housing.passend.income-limit.single@2025-01-01',
      'housing.passend.rent-cap.high@2025-01-01',
      'housing.passend.rent-cap.low@2025-01-01',
      'ordinance.buy-to-let.woz-limit.wk167400@2025-11-01',
      'ordinance.buy-to-let.woz-limit.wk167402@2025-11-01',
      'ordinance.buy-to-let.woz-limit.wk167403@2025-11-01',
      'warmtefonds.vve.interest-by-term@2020-07-22',
    ]);
  });
});
