import { describe, expect, it } from 'vitest';
import { cell, formatValue, toDutchCsv } from './csv-writer.ts';
import type { ExportMeta } from './export-meta.ts';

const meta: ExportMeta = {
  title: 'Proef', exportedBy: { name: 'p', role: 'gemeente', via: 'cli' }, exportedAt: '2025-03-01T10:00:00.000Z',
  dataset: { name: 'Set', dataDate: '2025-01-01', synthetic: false }, signals: { source: 'none', included: false, window: null },
  purpose: { id: 'verwerving', label: 'Verwerving' }, rows: 1, notes: ['een; twee'],
};

describe('Dutch CSV', () => {
  it('quotes separators and quotes, and defuses formulas (CSV injection)', () => {
    expect(cell('a;b')).toBe('"a;b"');
    expect(cell('zeg "hoi"')).toBe('"zeg ""hoi"""');
    expect(cell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(cell('+31')).toBe("'+31");
    expect(cell('-')).toBe("'-");
    expect(cell('Dorpsstraat 1')).toBe('Dorpsstraat 1');
  });

  it('writes decimal commas, ja/nee and empty cells for null', () => {
    expect(formatValue(85.5, 'decimal')).toBe('85,5');
    expect(formatValue(1967, 'integer')).toBe('1967');
    expect(formatValue(true, 'boolean')).toBe('ja');
    expect(formatValue(null, 'text')).toBe('');
  });

  it('puts metadata first, an empty line, then header and rows, with a BOM and CRLF', () => {
    const csv = toDutchCsv({ columns: [{ key: 'a', header: 'A', kind: 'decimal' }, { key: 'b', header: 'B', kind: 'text' }], rows: [{ a: 1.25, b: 'x' }] }, meta);
    const lines = csv.slice(1).split('\r\n');
    expect(csv.startsWith('\uFEFFExport;voorraad — Proef\r\n')).toBe(true);
    expect(lines).toContain('Synthetisch;nee');
    expect(lines).toContain('Toelichting;"een; twee"');
    const blank = lines.indexOf('');
    expect(lines.slice(blank + 1)).toEqual(['A;B', '1,25;x', '']);
  });
});
