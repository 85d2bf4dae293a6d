import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test/fixtures/importers/harness.ts';
import { writeCsv, writeXlsx } from '../../test/fixtures/importers/registers.ts';
import { ImportFormatError } from './import-error.ts';
import { mapHeader, normaliseName, openTable, type SourceRow, type TableSpec } from './table-source.ts';

const dir = tempDir('table');
const SPEC: TableSpec = {
  columns: [
    { key: 'id', aliases: ['bag_vbo_id', 'vbo_id'] },
    { key: 'postcode', aliases: ['postcode'] },
    { key: 'nr', aliases: ['huisnummer'] },
    { key: 'rent', aliases: ['kale_huur'] },
  ],
  anyOf: [[['id'], ['postcode', 'nr']]],
  forbidden: ['bsn'],
};
const all = async (rows: AsyncGenerator<SourceRow>) => {
  const out: SourceRow[] = [];
  for await (const r of rows) out.push(r);
  return out;
};

describe('register tables (CSV and XLSX)', () => {
  it('folds header names: case, accents and punctuation', () => {
    expect(normaliseName(' BAG-id (VBO) ')).toBe('bag_id_vbo');
    expect(normaliseName('Réservefonds')).toBe('reservefonds');
  });

  it('streams CSV rows with their line numbers and flags rows with the wrong number of fields', async () => {
    const f = writeCsv(join(dir, 'a.csv'), [
      ['BAG vbo id', 'Kale huur', 'Extra'],
      ['1674010000000001', '612,50', 'x'],
      ['1674010000000002', '1'],
    ]);
    const t = openTable(f, SPEC);
    expect(t.format).toBe('csv');
    const rows = await all(t.rows);
    expect(rows[0]).toEqual({ row: '2', values: { id: '1674010000000001', rent: '612,50' } });
    expect(rows[1]!.problem).toEqual({
      field: '(row)',
      reason: 'invalid.column-count',
      message: 'expected 3 fields, found 2',
    });
  });

  it('reads the first worksheet of an XLSX with dates, numbers and the sheet row as locator', async () => {
    const f = await writeXlsx(
      join(dir, 'a.xlsx'),
      [[null], ['Postcode', 'Huisnummer', 'Kale huur'], ['4702AB', 12, 612.5]],
      'Bezit',
    );
    const t = openTable(f, SPEC);
    expect(t.format).toBe('xlsx');
    expect(await all(t.rows)).toEqual([{ row: 'Bezit!3', values: { postcode: '4702AB', nr: '12', rent: '612.5' } }]);
  });

  it('names the columns it expected when the header lacks them', async () => {
    const f = writeCsv(join(dir, 'h.csv'), [
      ['postcode', 'kale_huur'],
      ['4702AB', '1'],
    ]);
    expect(() => openTable(f, SPEC)).toThrow(ImportFormatError);
    expect(() => openTable(f, SPEC)).toThrow(
      /expected columns \(bag_vbo_id or postcode \+ huisnummer\), found header "postcode", "kale_huur"/,
    );
    const x = await writeXlsx(join(dir, 'h.xlsx'), [
      ['postcode', 'kale_huur'],
      ['4702AB', 1],
    ]);
    await expect(all(openTable(x, SPEC).rows)).rejects.toMatchObject({ code: 'import.header' });
  });

  it('refuses files with personal-data columns', () => {
    const f = writeCsv(join(dir, 'p.csv'), [
      ['bag_vbo_id', 'BSN'],
      ['1674010000000001', '123456782'],
    ]);
    expect(() => mapHeader(f, ['bag_vbo_id', 'BSN'], SPEC)).toThrow(
      expect.objectContaining({ code: 'import.forbidden-column' }),
    );
  });

  it('turns an unclosed quote into a syntax error naming the parser message', async () => {
    const f = join(dir, 'q.csv');
    writeFileSync(f, 'bag_vbo_id;kale_huur\n"1674010000000001;5\n');
    await expect(all(openTable(f, SPEC).rows)).rejects.toMatchObject({ code: 'import.syntax' });
  });

  it('refuses a file that is a ZIP but not a workbook', async () => {
    const f = join(dir, 'z.xlsx');
    writeFileSync(f, Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]));
    await expect(all(openTable(f, SPEC).rows)).rejects.toMatchObject({ code: 'import.format' });
  });
});
