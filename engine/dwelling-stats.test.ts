import { describe, expect, it } from 'vitest';
import { smallDataset } from './test-fixtures/small-dataset.ts';
import { dwellingStats, parseGroupBy } from './dwelling-stats.ts';
import { toColumns } from './dwelling-table.ts';

describe('dwellingStats', () => {
  const t = toColumns(smallDataset().dwellings);

  it('counts per buurt with summary figures', () => {
    const s = dwellingStats(t, ['buurt']);
    expect(s.total).toBe(6);
    expect(s.rows.map((r) => [r.key.buurt, r.count])).toEqual([
      ['BU16740202', 4],
      ['BU16740300', 2],
    ]);
    const kalsdonk = s.rows[0]!;
    expect(kalsdonk.meanOppervlakte).toBe(80);
    expect(kalsdonk.medianBouwjaar).toBe(1959); // (1958 + 1960) / 2 rounded
    expect(kalsdonk.shareLabelEFG).toBe(0.75); // E, G, F of four
    expect(kalsdonk.shareLabelRegistered).toBe(0.5);
  });

  it('groups by two fields, rows in the natural order of each field', () => {
    const s = dwellingStats(t, ['buurt', 'ownership']);
    expect(s.rows.map((r) => `${r.key.buurt}/${r.key.ownership}=${r.count}`)).toEqual([
      'BU16740202/eigenaar-bewoner=2',
      'BU16740202/corporatie=2',
      'BU16740300/corporatie=1',
      'BU16740300/particuliere verhuur=1',
    ]);
  });

  it('uses Hestia build periods', () => {
    const s = dwellingStats(t, ['period']);
    expect(s.rows.map((r) => [r.key.period, r.count])).toEqual([
      ['1946 - 1964', 4],
      ['1965 - 1974', 1],
      ['1975 - 1991', 1],
    ]);
  });
});

describe('parseGroupBy', () => {
  it('accepts known fields', () => {
    expect(parseGroupBy('buurt, ownership')).toEqual({ ok: true, value: ['buurt', 'ownership'], warnings: [] });
  });
  it('names the unknown field and its position', () => {
    const r = parseGroupBy('buurt,eigenaar');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues[0]).toMatchObject({ code: 'stats.groupBy.unknown', path: ['groupBy', 1] });
      expect(r.issues[0]!.message).toContain('"eigenaar"');
    }
  });
  it('rejects empty and repeated lists', () => {
    expect(parseGroupBy(' , ')).toMatchObject({ ok: false, issues: [{ code: 'stats.groupBy.empty' }] });
    expect(parseGroupBy('type,type')).toMatchObject({ ok: false, issues: [{ code: 'stats.groupBy.repeated' }] });
  });
});
