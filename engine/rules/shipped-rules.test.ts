import { describe, expect, it } from 'vitest';
import { pickRule } from './pick-rule.ts';
import { SHIPPED_RULES } from './shipped-rules.ts';

const WARMTEFONDS = 'https://www.warmtefonds.nl/vve/voorwaarden-vve-energiebespaarlening';
const RIJK_2026 =
  'https://www.rijksoverheid.nl/actueel/nieuws/2025/11/25/indexering-inkomensgrenzen-woningcorporaties-maximale-huurprijsgrenzen-en-huurtoeslagparameters-2026';

const D3 = 'docs/domain.md §3',
  D4 = 'docs/domain.md §4',
  D6 = 'docs/domain.md §6';

/**
 * Pins every shipped row, by version, to its value, its file and its source (docs/sources.md lists the same
 * sources); a row added, changed or dropped without updating this table fails.
 */
const PINNED: Record<string, [file: string, value: unknown, where: string]> = {
  'corporations.label-agreement@2022-06-01': [
    'corporation-labels.json',
    { owner: 'corporation', removeLabels: ['E', 'F', 'G'], byYear: 2028 },
    D4,
  ],
  'housing.daeb.income-limit.single@2025-01-01': ['housing-limits.json', 49669, D4],
  'housing.daeb.income-limit.single@2026-01-01': ['housing-limits.json', 51537, RIJK_2026],
  'housing.daeb.income-limit.multi@2025-01-01': ['housing-limits.json', 54847, D4],
  'housing.daeb.income-limit.multi@2026-01-01': ['housing-limits.json', 56910, RIJK_2026],
  'housing.daeb.free-share@2022-01-01': ['housing-limits.json', 0.075, D4],
  'housing.passend.income-limit.single@2025-01-01': ['housing-limits.json', 28335, D4],
  'housing.passend.income-limit.single@2026-01-01': ['housing-limits.json', 29400, RIJK_2026],
  'housing.passend.income-limit.multi@2025-01-01': ['housing-limits.json', 38478, D4],
  'housing.passend.income-limit.multi@2026-01-01': ['housing-limits.json', 39925, RIJK_2026],
  'housing.social-rent.ceiling@2025-01-01': ['housing-limits.json', 900.07, D4],
  'housing.social-rent.ceiling@2026-01-01': ['housing-limits.json', 932.93, RIJK_2026],
  'housing.passend.rent-cap.low@2025-01-01': ['housing-limits.json', 682.96, D4],
  'housing.passend.rent-cap.high@2025-01-01': ['housing-limits.json', 731.93, D4],
  'housing.passend.share@2016-01-01': ['housing-limits.json', 0.95, D4],
  'housing.limits.indexation@2025-01-01': ['housing-limits.json', 0.0376, D4],
  'housing.rent.annual-increase@2025-01-01': ['housing-limits.json', 0.0376, D4],
  'housing.rent.imputed.base@2025-01-01': ['housing-limits.json', 250, D4],
  'housing.rent.imputed.per-m2@2025-01-01': ['housing-limits.json', 4.5, D4],
  'housing.rent.imputed.label-step@2025-01-01': ['housing-limits.json', 0.03, D4],
  'municipal.low-income-inflow-cap@2006-01-01': [
    'municipal-instruments.json',
    {
      instrument: 'low-income-inflow-cap',
      requires:
        'Aanwijzing van de buurt door de minister op verzoek van de gemeente (selectieve woningtoewijzing op inkomen)',
      law: 'Wet bijzondere maatregelen grootstedelijke problematiek (Rotterdamwet)',
      designated: false,
      maxShare: 0.5,
    },
    D4,
  ],
  'ordinance.permit.withdrawal@2025-11-01': ['ordinance.json', true, D6],
  'ordinance.permit.splitting@2025-11-01': ['ordinance.json', true, D6],
  'ordinance.permit.conversion-rooms.min-units@2025-11-01': ['ordinance.json', 3, D6],
  'ordinance.distance-rule.radius-m@2025-11-01': ['ordinance.json', 50, D6],
  'ordinance.buy-to-let.woz-limit.wk167400@2025-11-01': ['ordinance.json', 350000, D6],
  'ordinance.buy-to-let.woz-limit.wk167402@2025-11-01': ['ordinance.json', 350000, D6],
  'ordinance.buy-to-let.woz-limit.wk167403@2025-11-01': ['ordinance.json', 350000, D6],
  'vve.decision.change.majority@2018-01-01': ['vve-decisions.json', 2 / 3, D3],
  'vve.decision.change.quorum@2018-01-01': ['vve-decisions.json', 2 / 3, D3],
  'vve.decision.second-meeting.allowed@2018-01-01': ['vve-decisions.json', true, D3],
  'vve.decision.second-meeting.majority@2018-01-01': ['vve-decisions.json', 2 / 3, D3],
  'vve.decision.ordinary.majority@2018-01-01': ['vve-decisions.json', 0.5, D3],
  'warmtefonds.vve.max-per-right@2020-07-22': ['warmtefonds-vve.json', 30000, WARMTEFONDS],
  'warmtefonds.vve.max-per-right@2026-01-01': ['warmtefonds-vve.json', 34000, WARMTEFONDS],
  'warmtefonds.vve.min-loan@2020-07-22': ['warmtefonds-vve.json', 25000, WARMTEFONDS],
  'warmtefonds.vve.max-loan@2020-07-22': ['warmtefonds-vve.json', 10_000_000, WARMTEFONDS],
  'warmtefonds.vve.small.min-dwellings@2020-07-22': ['warmtefonds-vve.json', 2, WARMTEFONDS],
  'warmtefonds.vve.large.min-dwellings@2020-07-22': ['warmtefonds-vve.json', 8, WARMTEFONDS],
  'warmtefonds.vve.small.all-members-sign@2020-07-22': ['warmtefonds-vve.json', true, WARMTEFONDS],
  'warmtefonds.vve.large.documents@2020-07-22': [
    'warmtefonds-vve.json',
    [
      { id: 'maatwerk-vve-energieadvies', name: 'Maatwerk VvE Energieadvies (BRL 9500-gecertificeerd)' },
      { id: 'mjop-loan-term', name: 'MJOP dat minstens de looptijd van de lening dekt' },
    ],
    WARMTEFONDS,
  ],
  'warmtefonds.vve.interest-by-term@2020-07-22': [
    'warmtefonds-vve.json',
    [
      { termYears: 10, annualRate: 0.038 },
      { termYears: 15, annualRate: 0.04 },
      { termYears: 20, annualRate: 0.042 },
    ],
    WARMTEFONDS,
  ],
};

/** Dates on which a row is picked, so picking by date is pinned too (not only the row's own content). */
const PICKED: [id: string, date: string, version: string][] = [
  ['warmtefonds.vve.max-per-right', '2025-06-01', 'warmtefonds.vve.max-per-right@2020-07-22'],
  ['warmtefonds.vve.max-per-right', '2026-12-08', 'warmtefonds.vve.max-per-right@2026-01-01'],
  ['housing.daeb.income-limit.multi', '2025-12-31', 'housing.daeb.income-limit.multi@2025-01-01'],
  ['housing.daeb.income-limit.multi', '2026-12-31', 'housing.daeb.income-limit.multi@2026-01-01'],
  ['housing.passend.income-limit.single', '2026-06-01', 'housing.passend.income-limit.single@2026-01-01'],
  ['housing.rent.annual-increase', '2040-01-01', 'housing.rent.annual-increase@2025-01-01'],
];

describe('shipped rules', () => {
  it('pins every shipped row: none unpinned, none pinned that is not shipped', () => {
    expect(SHIPPED_RULES.map((r) => r.version).sort()).toEqual(Object.keys(PINNED).sort());
  });

  it.each(Object.entries(PINNED))('%s is %j', (version, [file, value, where]) => {
    const r = SHIPPED_RULES.find((x) => x.version === version)!;
    expect(r.file).toBe(`config/rules/${file}`);
    expect(r.value).toEqual(value);
    expect('url' in r.source ? r.source.url : r.source.document).toBe(where);
  });

  it.each(PICKED)('%s on %s is row %s', (id, date, version) => {
    const r = pickRule(SHIPPED_RULES, id, date);
    expect(r.ok && r.value.version).toBe(version);
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
      'housing.daeb.free-share@2022-01-01',
      'housing.limits.indexation@2025-01-01',
      'housing.passend.income-limit.multi@2025-01-01',
      'housing.passend.income-limit.single@2025-01-01',
      'housing.passend.rent-cap.high@2025-01-01',
      'housing.passend.rent-cap.low@2025-01-01',
      'housing.rent.annual-increase@2025-01-01',
      'housing.rent.imputed.base@2025-01-01',
      'housing.rent.imputed.label-step@2025-01-01',
      'housing.rent.imputed.per-m2@2025-01-01',
      'ordinance.buy-to-let.woz-limit.wk167400@2025-11-01',
      'ordinance.buy-to-let.woz-limit.wk167402@2025-11-01',
      'ordinance.buy-to-let.woz-limit.wk167403@2025-11-01',
      'warmtefonds.vve.interest-by-term@2020-07-22',
    ]);
  });
});
