import { describe, expect, it } from 'vitest';
import outOfRange from '../test-fixtures/subsidies/amount-out-of-range.json' with { type: 'json' };
import missingSource from '../test-fixtures/subsidies/missing-source.json' with { type: 'json' };
import overlap from '../test-fixtures/subsidies/overlap.json' with { type: 'json' };
import { DEFAULT_SUBSIDIES, parseSubsidyBook, subsidiesFor, type SubsidyBook } from './subsidies.ts';

const book: SubsidyBook = {
  id: 'test',
  source: 'test',
  rows: [
    {
      scheme: 'isde',
      version: 'isde-2026',
      tenures: ['owner-occupier'],
      validFrom: '2026-01-01',
      validTo: '2026-12-31',
      source: 's',
      retrieved: '2026-12-07',
      assumption: false,
      placeholder: false,
      rates: [
        { minMeasures: 1, measures: { roof: { shareOfCost: 0.15 }, 'hybrid-heat-pump': { fixedEur: 2000 } } },
        {
          minMeasures: 2,
          measures: {
            roof: { shareOfCost: 0.3, maxEur: 1000 },
            floor: { shareOfCost: 0.3 },
            'hybrid-heat-pump': { fixedEur: 2000 },
          },
        },
      ],
    },
    {
      scheme: 'svve',
      version: 'svve-2026',
      tenures: ['vve'],
      validFrom: '2026-01-01',
      validTo: '2026-12-31',
      source: 's',
      retrieved: '2026-12-07',
      assumption: true,
      placeholder: false,
      rates: [{ minMeasures: 1, measures: { roof: { shareOfCost: 0.5 } } }],
    },
    {
      scheme: 'gemeente-roosendaal',
      version: 'rsd',
      tenures: ['owner-occupier', 'vve'],
      validFrom: '2025-01-01',
      validTo: '2026-12-31',
      source: 's',
      retrieved: '2026-12-07',
      assumption: true,
      placeholder: true,
      rates: [],
    },
  ],
};

describe('subsidy file', () => {
  it('accepts the shipped file, which marks unverified rows and the Roosendaal placeholder', () => {
    expect(DEFAULT_SUBSIDIES.rows.every((r) => r.source.length > 0 && r.retrieved)).toBe(true);
    expect(DEFAULT_SUBSIDIES.rows.find((r) => r.scheme === 'gemeente-roosendaal')).toMatchObject({
      placeholder: true,
      assumption: true,
    });
    expect(DEFAULT_SUBSIDIES.rows.find((r) => r.scheme === 'svve')?.tenures).toEqual(['vve']);
  });
  it('refuses overlapping validity within one scheme, naming the row and field', () => {
    expect(parseSubsidyBook(overlap)).toMatchObject({
      ok: false,
      issues: [{ code: 'subsidies.validity.overlap', path: ['rows', 1, 'validFrom'] }],
    });
  });
  it('refuses a row without a source', () => {
    expect(parseSubsidyBook(missingSource)).toMatchObject({
      ok: false,
      issues: [{ code: 'subsidies.source.missing', path: ['rows', 1, 'source'] }],
    });
  });
  it('refuses an amount out of range', () => {
    expect(parseSubsidyBook(outOfRange)).toMatchObject({
      ok: false,
      issues: [{ code: 'subsidies.out-of-range', path: ['rows', 0, 'rates', 0, 'measures', 'roof', 'shareOfCost'] }],
    });
  });
  it('refuses a period that ends before it starts', () => {
    const bad = { ...book, rows: [{ ...book.rows[0]!, validTo: '2025-12-31' }] };
    expect(parseSubsidyBook(bad)).toMatchObject({
      ok: false,
      issues: [{ code: 'subsidies.validity', path: ['rows', 0, 'validTo'] }],
    });
  });
});

describe('subsidiesFor', () => {
  it('pays the single rate for one measure and the higher rate for two, capped', () => {
    const one = subsidiesFor(book, 'owner-occupier', [{ id: 'roof', grossEur: 4000 }], '2026-05-01');
    expect(one.ok && one.value.measures).toEqual([
      { id: 'roof', grossEur: 4000, subsidyEur: 600, netEur: 3400, versions: ['isde-2026'] },
    ]);
    const two = subsidiesFor(
      book,
      'owner-occupier',
      [
        { id: 'roof', grossEur: 4000 },
        { id: 'floor', grossEur: 2000 },
      ],
      '2026-05-01',
    );
    expect(two.ok && two.value).toMatchObject({ grossEur: 6000, subsidyEur: 1600, netEur: 4400 });
    expect(two.ok && two.value.rulesUsed.map((r) => [r.version, r.placeholder])).toEqual([
      ['isde-2026', false],
      ['rsd', true],
    ]);
  });
  it('never pays more than the gross cost', () => {
    const r = subsidiesFor(book, 'owner-occupier', [{ id: 'hybrid-heat-pump', grossEur: 1500 }], '2026-05-01');
    expect(r.ok && r.value.measures[0]).toMatchObject({ subsidyEur: 1500, netEur: 0 });
  });
  it('gives VvE apartment rights SVVE, not ISDE, and other tenures nothing', () => {
    const vve = subsidiesFor(book, 'vve', [{ id: 'roof', grossEur: 4000 }], '2026-05-01');
    expect(vve.ok && vve.value.measures[0]).toMatchObject({ subsidyEur: 2000, versions: ['svve-2026'] });
    const other = subsidiesFor(book, 'other', [{ id: 'roof', grossEur: 4000 }], '2026-05-01');
    expect(other.ok && other.value).toMatchObject({ subsidyEur: 0, netEur: 4000, rulesUsed: [] });
  });
  it('picks the row valid on the date and refuses a date no row covers', () => {
    const r2025 = subsidiesFor(book, 'owner-occupier', [{ id: 'roof', grossEur: 4000 }], '2025-06-01');
    expect(r2025.ok && r2025.value.subsidyEur).toBe(0);
    expect(subsidiesFor(book, 'owner-occupier', [{ id: 'roof', grossEur: 4000 }], '2027-01-01')).toMatchObject({
      ok: false,
      issues: [{ code: 'subsidies.date.uncovered', path: ['date'] }],
    });
  });
});
