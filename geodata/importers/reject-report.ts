import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import type { ExportColumn } from '../../engine/acquisition/export-table.ts';
import { CSV_BOM, CSV_NEWLINE, csvRow } from '../exports/csv-writer.ts';
import { ImportOptionError } from './import-error.ts';
import type { Rejection } from './import-tally.ts';
import { rejectReasonNl } from './reject-reasons-nl.ts';

/** Row, field, reason in words, its stable code, message — written by the shared Dutch CSV writer, so a message quoting a bad cell can never run as a formula. */
export const REPORT_COLUMNS: readonly ExportColumn[] = (
  [
    ['rij', 'integer'],
    ['veld', 'text'],
    ['reden', 'text'],
    ['code', 'text'],
    ['melding', 'text'],
  ] as const
).map(([key, kind]) => ({ key, header: key, kind }));
const KINDS = REPORT_COLUMNS.map((c) => c.kind);
const HEADER = `${CSV_BOM}${csvRow(REPORT_COLUMNS.map((c) => c.header))}${CSV_NEWLINE}`;
const FLUSH_BYTES = 64 * 1024;

/**
 * The rejected-rows report (Dutch CSV: rij, veld, reden in words, code, melding), streamed to a temporary file and renamed into
 * place on commit, so a failed import leaves no half report. Nothing is written when no row was rejected.
 */
export class RejectReport {
  private fd: number | null = null;
  private buffer = '';
  private count = 0;
  private readonly tmp: string;

  constructor(readonly file: string) {
    this.tmp = `${file}.tmp-${process.pid}`;
  }

  add(r: Rejection): void {
    if (this.fd === null) {
      try {
        rmSync(this.tmp, { force: true });
        this.fd = openSync(this.tmp, 'w');
      } catch (err) {
        throw new ImportOptionError(
          '--report',
          `cannot write the rejected-rows report ${this.file} (${(err as Error).message}); pass --report <path>`,
        );
      }
      this.buffer = HEADER;
    }
    // A plain row number is a number cell; a row named otherwise ("verblijfsobject fid 12") stays text.
    const row = /^\d+$/.test(r.row) ? Number(r.row) : r.row;
    this.buffer += `${csvRow([row, r.field, rejectReasonNl(r.reason), r.reason, r.message], KINDS)}${CSV_NEWLINE}`;
    this.count++;
    if (this.buffer.length >= FLUSH_BYTES) this.flush();
  }

  /** Moves the report into place; returns its path, or null when nothing was rejected. */
  commit(): string | null {
    if (this.fd === null) return null;
    this.flush();
    closeSync(this.fd);
    this.fd = null;
    renameSync(this.tmp, this.file);
    return this.file;
  }

  abort(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    rmSync(this.tmp, { force: true });
  }

  get rows(): number {
    return this.count;
  }

  private flush(): void {
    if (this.fd === null || this.buffer === '') return;
    writeSync(this.fd, this.buffer);
    this.buffer = '';
  }
}
