import type { Dataset } from '../engine/dataset.ts';
import { dwellingFeature, type DwellingFeature } from '../engine/dwelling-feature.ts';
import { toColumns, type DwellingColumns } from '../engine/dwelling-table.ts';
import { columnsToJson } from '../engine/dwelling-table-json.ts';

/** The dataset as the server keeps it in memory: records, columnar table and ready-made API bodies. */
export interface LoadedDataset {
  dataset: Dataset;
  columns: DwellingColumns;
  /** Dwelling features by buurt code, built once at start. */
  featuresByBuurt: Map<string, DwellingFeature[]>;
  tableJson: string;
}

export function loadDatasetIntoMemory(dataset: Dataset): LoadedDataset {
  const columns = toColumns(dataset.dwellings);
  const featuresByBuurt = new Map<string, DwellingFeature[]>();
  for (const d of dataset.dwellings) {
    let list = featuresByBuurt.get(d.buurtcode);
    if (!list) featuresByBuurt.set(d.buurtcode, (list = []));
    list.push(dwellingFeature(d));
  }
  return { dataset, columns, featuresByBuurt, tableJson: JSON.stringify(columnsToJson(columns)) };
}
