import { statSync } from 'node:fs';
import type { Dataset } from '../../engine/dataset.ts';
import type { ImportTally } from './import-tally.ts';

/** Coordinate reference systems the importers read; everything is stored in WGS84. */
export type SourceCrs = 'EPSG:28992' | 'CRS84';

/** What an importer gets: the source file, a working copy of the dataset to change, and the tally. */
export interface ImportContext {
  file: string;
  dataset: Dataset;
  tally: ImportTally;
  /** --data-date; when null the importer takes the date from the source, else the file's modification date. */
  dataDate: string | null;
  /** --buurten (BAG only): buurt codes to keep; null = the focus buurten. */
  buurten: readonly string[] | null;
  /** --crs for GeoJSON that does not declare one (PDOK OGC API with crs=…28992 says so only in a header). */
  crs: SourceCrs | null;
  /** Non-fatal notes for the user (printed to stderr). */
  warn: (message: string) => void;
}

export interface ImporterResult {
  /** The date the imported data describes (YYYY-MM-DD). */
  dataDate: string;
}

export type Importer = (ctx: ImportContext) => Promise<ImporterResult>;

/** The file's modification date (UTC), the fallback data date: stable for the same file, so re-imports stay identical. */
export function fileDate(file: string): string {
  return statSync(file).mtime.toISOString().slice(0, 10);
}
