import type { Dataset } from '../engine/dataset.ts';
import { toColumns, type DwellingColumns } from '../engine/dwelling-table.ts';
import { columnsToJson } from '../engine/dwelling-table-json.ts';
import { buildDwellingBodies, type DwellingBodies } from './dwelling-bodies.ts';

/** The dataset as the server keeps it in memory: records, columnar table and ready-made API bodies. */
export interface LoadedDataset {
  dataset: Dataset;
  columns: DwellingColumns;
  /** GET /api/dwellings answers, from per-buurt fragments serialised once at start (server/dwelling-bodies.ts). */
  dwellingBodies: DwellingBodies;
  /**
   * GET /api/dwellings/table as UTF-8 bytes, encoded once: a string body would be encoded again for every request.
   */
  tableBody: Uint8Array<ArrayBuffer>;
}

export function loadDatasetIntoMemory(dataset: Dataset): LoadedDataset {
  const columns = toColumns(dataset.dwellings);
  return {
    dataset,
    columns,
    dwellingBodies: buildDwellingBodies(dataset.dwellings, dataset.meta.synthetic),
    tableBody: utf8(JSON.stringify(columnsToJson(columns))),
  };
}

/** A body encoded once, for routes that answer the same text to every request. */
export function utf8(text: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(text);
}
