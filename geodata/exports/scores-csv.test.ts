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
  it("has the owner's net cost beside the gross cost, as numbers a spreadsheet adds up", () => {
    const [header, ...body] = openCsv(scoresAsCsv(rows, true));
    const at = (name: string) => header!.findIndex((c) => c.value === name);
    const [gross, subsidy, net] = [at('kosten_eur'), at('subsidie_eur'), at('netto_kosten_eur')];
    expect([subsidy, net]).toEqual([gross + 1, gross + 2]);
    for (const r of body) {
      expect(r[net]!.type).toBe('n');
      expect(Number(r[net]!.value)).toBeCloseTo(Number(r[gross]!.value) - Number(r[subsidy]!.value), 6);
    }
    expect(body.some((r) => Number(r[subsidy]!.value) > 0)).toBe(true);
  });
  it('leaves the net cost empty, not zero, when no subsidy row covers the date', () => {
    const [header, ...body] = openCsv(scoresAsCsv(smallScores('2031-01-01').rows, true));
    const net = header!.findIndex((c) => c.value === 'netto_kosten_eur');
    const gross = header!.findIndex((c) => c.value === 'kosten_eur');
    for (const r of body.filter((x) => Number(x[gross]!.value) > 0)) expect(r[net]?.value ?? '').toBe('');
  });
});
