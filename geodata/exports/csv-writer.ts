import type { ExportColumn, ExportTable, ExportValue } from '../../engine/acquisition/export-table.ts';
import { metaLines, type ExportMeta } from './export-meta.ts';

/**
 * CSV for Dutch Excel: UTF-8 with BOM, `;` separator, decimal comma, CRLF. The metadata comes first as
 * `label;value` lines, then one empty line, then the table with its header. Text that Excel would run as a
 * formula (=, +, -, @) is prefixed with an apostrophe (OWASP CSV injection).
 */
export function cell(v: string): string {
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function formatValue(v: ExportValue, kind: ExportColumn['kind']): string {
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'ja' : 'nee';
  if (typeof v === 'number') return kind === 'integer' ? String(Math.round(v)) : String(v).replace('.', ',');
  return cell(v);
}

export function toDutchCsv(table: ExportTable, meta: ExportMeta): string {
  const lines = metaLines(meta).map(([k, v]) => `${cell(k)};${cell(v)}`);
  lines.push('');
  lines.push(table.columns.map((c) => cell(c.header)).join(';'));
  for (const r of table.rows) lines.push(table.columns.map((c) => formatValue(r[c.key] ?? null, c.kind)).join(';'));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
