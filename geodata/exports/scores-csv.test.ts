import { describe, expect, it } from 'vitest';
import { smallScores } from '../../engine/test-fixtures/small-scores.ts';
import { openCsv } from '../../test/spreadsheet.ts';
import { scoresAsCsv } from './scores-csv.ts';

const { rows } = smallScores();

describe('scores CSV', () => {
  it('CSV for Dutch Excel: BOM, `;`, decimal comma, CRLF, synthetic column, quoting', () => {
    const csv = scoresAsCsv(rows, true);
    expect(csv.startsWith('\uFEFFrang;vbo_id;')).toBe(true);
    const lines = csv.split('\r\n');
    expect(lines).toHaveLength(rows.length + 2);
    expect(lines[1]!.split(';')).toHaveLength(lines[0]!.split(';').length);
    expect(lines[1]).toMatch(/;\d+,\d+;/);
    expect(lines[1]!.endsWith(';ja')).toBe(true);
    expect(scoresAsCsv(rows, false).split('\r\n')[1]!.endsWith(';nee')).toBe(true);
    expect(csv).not.toMatch(/\d\.\d/);
  });
  it('a spreadsheet reader keeps the BAG ids text, with every digit', () => {
    const [header, ...body] = openCsv(scoresAsCsv(rows, true));
    const col = header!.findIndex((c) => c.value === 'vbo_id');
    expect(body.map((r) => [r[col]!.type, r[col]!.value]).sort()).toEqual(rows.map((d) => ['s', d.vboId]).sort());
  });
});
