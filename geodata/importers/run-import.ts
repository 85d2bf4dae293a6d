import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import Database from 'better-sqlite3';
import type { ImportKind } from '../../engine/registers.ts';
import { readDataset, writeDataset } from '../dataset-store.ts';
import { recordImport, updateMeta } from './dataset-merge.ts';
import { keepSnapshot } from '../snapshots/keep-snapshot.ts';
import type { SourceCrs } from './import-context.ts';
import { ImportFormatError } from './import-error.ts';
import { IMPORTERS } from './import-kinds.ts';
import { ImportTally, type ImportSummary } from './import-tally.ts';
import { RejectReport } from './reject-report.ts';

export interface RunImportOptions {
  kind: ImportKind;
  file: string;
  datasetFile: string;
  /** Where rejected rows go; default `<input without extension>.rejected.csv` next to the input. */
  reportFile?: string;
  dataDate?: string | null;
  buurten?: readonly string[] | null;
  crs?: SourceCrs | null;
  warn?: (message: string) => void;
}

export interface RunImportResult {
  summary: ImportSummary;
  /** The report's path, or null when no row was rejected. */
  reportFile: string | null;
  /** Whether the dataset file's bytes changed (false when the same file is imported again). */
  changed: boolean;
  synthetic: boolean;
}

/** Default report path: next to the input, `bag-light.gpkg` → `bag-light.rejected.csv`. */
export const defaultReportFile = (file: string): string =>
  join(dirname(file), `${basename(file, extname(file))}.rejected.csv`);

const sha256File = async (file: string): Promise<string> => {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
};

/**
 * Imports one register file into a dataset GeoPackage. Atomic: the source is read and checked completely and
 * the new dataset validated before it replaces the old file (temporary file + rename), so any failure leaves
 * the dataset byte-identical. Idempotent: merges are keyed and order-preserving and every date comes from the
 * data, so importing the same file again writes the same bytes.
 */
export async function runImport(o: RunImportOptions): Promise<RunImportResult> {
  if (!existsSync(o.file))
    throw new ImportFormatError('import.missing-file', o.file, 'an existing file to import', 'no such file');
  const dataset = readDataset(o.datasetFile, { restricted: true });
  const before = await sha256File(o.datasetFile);
  const report = new RejectReport(o.reportFile ?? defaultReportFile(o.file));
  const tally = new ImportTally((r) => report.add(r));
  try {
    const { dataDate } = await IMPORTERS[o.kind]({
      file: o.file,
      dataset,
      tally,
      dataDate: o.dataDate ?? null,
      buurten: o.buurten ?? null,
      crs: o.crs ?? null,
      warn: o.warn ?? (() => {}),
    });
    const summary = tally.summary();
    updateMeta(dataset, o.kind, dataDate);
    const sourceSha256 = await sha256File(o.file);
    recordImport(dataset, {
      kind: o.kind,
      source: basename(o.file),
      sha256: sourceSha256,
      dataDate,
      read: summary.read,
      accepted: summary.accepted,
      rejected: summary.rejected,
    });
    // The indicators after this import, dated by the data (no clock), keyed by the file: a re-import replaces it.
    keepSnapshot(dataset, {
      snapshotId: `import-${o.kind}-${sourceSha256.slice(0, 12)}`,
      takenOn: dataset.meta.dataDate,
      trigger: `import:${o.kind}`,
    });
    writeDataset(o.datasetFile, dataset);
    const reportFile = report.commit();
    const after = await sha256File(o.datasetFile);
    return { summary, reportFile, changed: after !== before, synthetic: dataset.meta.synthetic };
  } catch (err) {
    report.abort();
    // The dataset side wraps its own SQLite errors (DatasetFileError); one from here is a damaged source GeoPackage page.
    if (err instanceof Database.SqliteError)
      throw new ImportFormatError(
        'import.format',
        o.file,
        'a readable GeoPackage',
        `a damaged SQLite file (${err.code}: ${err.message})`,
      );
    throw err;
  }
}
