import { describe, expect, it } from 'vitest';
import { openCsv } from '../../test/spreadsheet.ts';
import {
  csvDocument,
  csvField,
  csvRow,
  dutchNumber,
  looksSpreadsheetTyped,
  plainDecimal,
  textCell,
  toDutchCsv,
} from './csv-writer.ts';
import type { ExportMeta } from './export-meta.ts';

const meta: ExportMeta = {
  title: 'Proef',
  exportedBy: { name: 'p', role: 'gemeente', via: 'cli' },
  exportedAt: '2025-03-01T10:00:00.000Z',
  dataset: { name: 'Set', dataDate: '2025-01-01', synthetic: false },
  signals: { source: 'none', included: false, window: null },
  purpose: { id: 'verwerving', label: 'Verwerving' },
  rows: 1,
  notes: ['een; twee'],
};

describe('Dutch CSV writer', () => {
  it('quotes separators and quotes, and neutralises formulas (=, +, -, @, tab, CR at the start)', () => {
    expect(textCell('a;b')).toBe('"a;b"');
    expect(textCell('zeg "hoi"')).toBe('"zeg ""hoi"""');
    expect(textCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(textCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(textCell('+cmd|x')).toBe("'+cmd|x");
    expect(textCell('-')).toBe("'-");
    expect(textCell('\t=1')).toBe("'\t=1");
    expect(textCell('\r=1')).toBe('"\'\r=1"');
    expect(textCell('Dorpsstraat 1')).toBe('Dorpsstraat 1');
  });

  it('keeps identifiers and class labels text in the ="…" form, and only text made of digits and punctuation', () => {
    for (const t of [
      '0164010000012345',
      '1-2',
      '3-5',
      '6+',
      '-3',
      '2025-01-01',
      '12:30',
      '1,5',
      '50%',
      '1-jan',
      'mrt-25',
      '3 maart 2025',
      '1e5',
    ]) {
      expect(looksSpreadsheetTyped(t), t).toBe(true);
      expect(textCell(t)).toBe(`="${t}"`);
    }
    for (const t of ['BU16740202', '4701 AB', 'A+', 'portiekflat', '=1+1', 'E-G', 'rij 8', 'fase 2', ''])
      expect(looksSpreadsheetTyped(t), t).toBe(false);
  });

  it('writes numbers with a decimal comma, no grouping and never an exponent', () => {
    expect(plainDecimal(1.234e-7)).toBe('0.0000001234');
    expect(plainDecimal(-5e-7)).toBe('-0.0000005');
    expect(plainDecimal(1.5e21)).toBe('1500000000000000000000');
    expect(plainDecimal(-0)).toBe('0');
    expect(dutchNumber(85.5)).toBe('85,5');
    expect(dutchNumber(1234567.25)).toBe('1234567,25');
    expect(dutchNumber(1966.6, 'integer')).toBe('1967');
    expect(() => plainDecimal(Number.NaN)).toThrow(/non-finite/);
    expect(() => plainDecimal(Infinity)).toThrow(/non-finite/);
  });

  it('formats by column kind: ja/nee, empty for null, ISO dates checked, numbers in text columns kept text', () => {
    expect(csvField(true, 'boolean')).toBe('ja');
    expect(csvField(null, 'text')).toBe('');
    expect(csvField('2025-01-31', 'date')).toBe('2025-01-31');
    expect(() => csvField('31-01-2025', 'date')).toThrow(/expected YYYY-MM-DD/);
    expect(csvField(164010000012345, 'text')).toBe('="164010000012345"');
    expect(csvRow(['a', 1.5, false], ['text', 'decimal', 'boolean'])).toBe('a;1,5;nee');
  });

  it('puts metadata first (export time in Europe/Amsterdam), an empty line, then header and rows, with a BOM and CRLF', () => {
    const csv = toDutchCsv(
      {
        columns: [
          { key: 'a', header: 'A', kind: 'decimal' },
          { key: 'b', header: 'B', kind: 'text' },
        ],
        rows: [{ a: 1.25, b: 'x' }],
      },
      meta,
    );
    const lines = csv.slice(1).split('\r\n');
    expect(csv.startsWith('\uFEFFExport;voorraad — Proef\r\n')).toBe(true);
    expect(lines).toContain('Geëxporteerd op;01-03-2025 11:00:00 CET');
    expect(lines).toContain('Synthetisch;nee');
    expect(lines).toContain(`Aantal rijen;${meta.rows}`);
    expect(lines).toContain('Toelichting;"een; twee"');
    const blank = lines.indexOf('');
    expect(lines.slice(blank + 1)).toEqual(['A;B', '1,25;x', '']);
    expect(toDutchCsv({ columns: [{ key: 'a', header: 'A', kind: 'text' }], rows: [] })).toBe('\uFEFFA\r\n');
    expect(csvDocument([])).toBe('\uFEFF');
  });

  it('a spreadsheet reader keeps ids, class labels and neutralised text as text, and reads dates as dates', () => {
    const table = {
      columns: [
        { key: 'id', header: 'BAG-id', kind: 'text' as const },
        { key: 'klasse', header: 'Klasse', kind: 'text' as const },
        { key: 'f', header: 'Vrije tekst', kind: 'text' as const },
        { key: 'd', header: 'Peildatum', kind: 'date' as const },
      ],
      rows: [
        { id: '0164010000012345', klasse: '1-2', f: '=HYPERLINK("http://x")', d: '2025-01-01' },
        { id: '0164010000012346', klasse: '6+', f: '@SUM(1)', d: '2025-12-31' },
        { id: '0164010000012347', klasse: '3-5', f: '-2+3', d: null },
      ],
    };
    const [header, ...rows] = openCsv(toDutchCsv(table));
    expect(header!.map((c) => c.value)).toEqual(['BAG-id', 'Klasse', 'Vrije tekst', 'Peildatum']);
    expect(rows.map((r) => [r[0]!.type, r[0]!.value])).toEqual(table.rows.map((r) => ['s', r.id]));
    expect(rows.map((r) => [r[1]!.type, r[1]!.value])).toEqual(table.rows.map((r) => ['s', r.klasse]));
    for (const r of rows) expect(r[2]!.type).toBe('s');
    expect(rows.map((r) => r[2]!.formula)).toEqual([undefined, undefined, undefined]);
    expect(rows[0]![3]!.type).toBe('d');
    // SheetJS parses an ISO date in a CSV as that day at 00:00 UTC.
    expect((rows[0]![3]!.value as Date).toISOString().slice(0, 10)).toBe('2025-01-01');
  });
});
