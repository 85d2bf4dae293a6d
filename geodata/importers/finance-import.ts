/**
 * Reads a money export of the financial system (docs/monitor-finance-layout.md) or a status list into monitor
 * records. The file is refused whole with `import.header` naming the column when its header does not match; a row
 * that cannot be read is named with its field and the expected form. Nothing is stored here: the caller stores all
 * records in one transaction only when every row was read (server/monitor/monitor-store.ts), so read = accepted +
 * rejected and a file with a rejected row leaves nothing behind.
 */
import type { MonitorIssue } from '../../engine/monitor/monitor-issue-codes.ts';
import {
  FundingSource,
  MoneyKind,
  MonitorStatus,
  type MoneyEntry,
  type StatusEvent,
} from '../../engine/monitor/monitor-records.ts';
import type { Located } from '../../engine/monitor/record-checks.ts';
import { parseBagId, parseDate, parseDecimal, parseText } from './field-values.ts';
import { openTable, type TableSpec } from './table-source.ts';

export const FINANCE_SPEC: TableSpec = {
  columns: [
    { key: 'reference', aliases: ['referentie', 'reference', 'boekingsnummer'] },
    { key: 'kind', aliases: ['soort', 'kind'] },
    { key: 'date', aliases: ['datum', 'date', 'boekdatum'] },
    { key: 'amount', aliases: ['bedrag_eur', 'bedrag', 'amount'] },
    { key: 'source', aliases: ['bron', 'financieringsbron', 'source'] },
    { key: 'vboId', aliases: ['vbo_id', 'bag_vbo_id', 'verblijfsobject'] },
    { key: 'batchId', aliases: ['batch_id', 'batch', 'partij'] },
    { key: 'corrects', aliases: ['corrigeert', 'corrects'] },
  ],
  required: ['reference', 'kind', 'date', 'amount', 'source'],
  anyOf: [[['vboId'], ['batchId']]],
};

export const STATUS_SPEC: TableSpec = {
  columns: [
    { key: 'vboId', aliases: ['vbo_id', 'bag_vbo_id', 'verblijfsobject'] },
    { key: 'status', aliases: ['status'] },
    { key: 'date', aliases: ['datum', 'date'] },
  ],
  required: ['vboId', 'status', 'date'],
};

export interface ReadRecords<T> {
  read: number;
  records: Located<T>[];
  /** Rows that could not be read, each naming file, row and column. */
  rejected: MonitorIssue[];
}

const expected = (
  file: string,
  row: string,
  column: string,
  what: string,
  found: string | undefined,
): MonitorIssue => ({
  code: 'monitor.record.invalid',
  message: `${file} rij ${row}, column ${column}: expected ${what}, found "${found ?? ''}"`,
  path: [file, `rij ${row}`, column],
});

async function readRows<T>(
  file: string,
  spec: TableSpec,
  toRecord: (
    v: Record<string, string | undefined>,
    bad: (column: string, what: string, found?: string) => void,
  ) => T | null,
): Promise<ReadRecords<T>> {
  const out: ReadRecords<T> = { read: 0, records: [], rejected: [] };
  for await (const { row, values, problem } of openTable(file, spec).rows) {
    out.read++;
    if (problem) {
      out.rejected.push(expected(file, row, problem.field, problem.message, ''));
      continue;
    }
    let failed = false;
    const record = toRecord(values, (column, what, found) => {
      failed = true;
      out.rejected.push(expected(file, row, column, what, found));
    });
    if (!failed && record !== null) out.records.push({ record, path: [file, `rij ${row}`] });
  }
  return out;
}

/** Money entries of a CSV (';', decimal comma) or XLSX export in the documented layout. */
export function readFinanceFile(file: string): Promise<ReadRecords<MoneyEntry>> {
  return readRows(file, FINANCE_SPEC, (v, bad) => {
    const reference = parseText(v.reference);
    const kind = MoneyKind.safeParse(parseText(v.kind)?.toLowerCase());
    const date = parseDate(v.date);
    const amount = parseDecimal(v.amount);
    const source = FundingSource.safeParse(parseText(v.source)?.toLowerCase());
    const vboId = parseBagId(v.vboId);
    const batchId = parseText(v.batchId);
    if (reference === null || reference.length > 80) bad('referentie', 'a reference of 1–80 characters', v.reference);
    if (!kind.success) bad('soort', 'toegezegd or betaald', v.kind);
    if (!date) bad('datum', 'a date YYYY-MM-DD or DD-MM-YYYY', v.date);
    if (amount === null || amount === undefined) bad('bedrag_eur', 'an amount in euro such as 1234,56', v.amount);
    if (!source.success) bad('bron', 'vhf, cofinanciering, subsidie or eigenaar', v.source);
    if (vboId === undefined) bad('vbo_id', 'a 16-digit BAG verblijfsobject id', v.vboId);
    if ((vboId ?? null) === null && batchId === null) bad('vbo_id', 'a dwelling (vbo_id) or a batch (batch_id)', '');
    if (vboId && batchId !== null)
      bad('batch_id', 'empty when vbo_id is given (an entry is for a dwelling or a batch)', v.batchId);
    if (!reference || !kind.success || !date || amount == null || !source.success || vboId === undefined) return null;
    return {
      reference,
      kind: kind.data,
      date,
      amountEur: amount,
      source: source.data,
      vboId: vboId ?? null,
      batchId: vboId ? null : batchId,
      corrects: parseText(v.corrects),
    };
  });
}

/** Status steps of a CSV or XLSX list (vbo_id; status; datum). */
export function readStatusFile(file: string): Promise<ReadRecords<StatusEvent>> {
  return readRows(file, STATUS_SPEC, (v, bad) => {
    const vboId = parseBagId(v.vboId);
    const status = MonitorStatus.safeParse(parseText(v.status)?.toLowerCase().replace('geisoleerd', 'geïsoleerd'));
    const date = parseDate(v.date);
    if (!vboId) bad('vbo_id', 'a 16-digit BAG verblijfsobject id', v.vboId);
    if (!status.success) bad('status', 'uitgenodigd, akkoord, natuurvrij, geïsoleerd or afgezien', v.status);
    if (!date) bad('datum', 'a date YYYY-MM-DD or DD-MM-YYYY', v.date);
    return vboId && status.success && date ? { vboId, status: status.data, date } : null;
  });
}
