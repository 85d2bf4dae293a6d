/**
 * Pure parsers for the Hestia reference CSVs (text in, typed rows out; docs/sources.md); used by
 * scripts/extract-hestia.ts, which writes the embedded tables beside this file.
 */
import { ELEMENT_LEVELS, type ElementLevel } from '../dwelling.ts';
import {
  HESTIA_TYPES,
  HESTIA_LABELS,
  HESTIA_OWNERS,
  WOON_ELEMENT_COLUMNS,
  type ElementLevelTable,
  type HestiaType,
  type HestiaLabel,
  type LabelFrequencyRow,
  type HestiaOwner,
  type LevelWeights,
  type MinimumLevelRow,
  type WoonPart,
} from './hestia-types.ts';
import { columnIndex, lines } from './csv-text.ts';

function unquote(cell: string): string {
  const t = cell.trim();
  return t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1) : t;
}

function isOneOf<T extends string>(values: readonly T[], v: string): v is T {
  return (values as readonly string[]).includes(v);
}

/** Parses 20230523_Woningen_BAG.csv (`;`-separated) into label-frequency rows. */
export function parseHestiaLabelCsv(text: string): LabelFrequencyRow[] {
  const file = '20230523_Woningen_BAG.csv';
  const [head, ...body] = lines(text);
  const header = head!.split(';');
  const iType = columnIndex(header, 'type_str', file);
  const iPeriod = columnIndex(header, 'bouwjaar_str', file);
  const iOwner = columnIndex(header, 'eigendom_str', file);
  const iFreq = HESTIA_LABELS.map((l) => columnIndex(header, `freq_label_${l}`, file));
  return body.map((line, n) => {
    const cells = line.split(';');
    const type = cells[iType]!;
    const owner = cells[iOwner]!;
    if (!isOneOf<HestiaType>(HESTIA_TYPES, type)) throw new Error(`${file}:${n + 2}: unknown type_str ${type}`);
    if (!isOneOf<HestiaOwner>(HESTIA_OWNERS, owner)) throw new Error(`${file}:${n + 2}: unknown eigendom_str ${owner}`);
    const freq = iFreq.map((i) => Number(cells[i]));
    if (freq.some((f) => !Number.isFinite(f) || f < 0)) throw new Error(`${file}:${n + 2}: bad freq_label value`);
    return { type, period: cells[iPeriod]!, owner, freq: freq as unknown as LabelFrequencyRow['freq'] };
  });
}

function levelIndex(v: string, where: string): number {
  const i = ELEMENT_LEVELS.indexOf(v as ElementLevel);
  if (i < 0) throw new Error(`${where}: unknown level ${v}`);
  return i;
}

const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;

/**
 * Reads niveau_combinatie_label_frequentietabel_WoON_2020_FM.csv (tab-separated, quoted) and returns,
 * per label, the freq-weighted marginal distribution of each part's level over rows where it applies.
 */
export function parseWoonElementLevels(text: string): ElementLevelTable {
  const file = 'niveau_combinatie_label_frequentietabel_WoON_2020_FM.csv';
  const [head, ...body] = lines(text);
  const header = head!.split('\t').map(unquote);
  const iLabel = columnIndex(header, 'Energielabel', file);
  const iFreq = columnIndex(header, 'freq', file);
  const parts = Object.keys(WOON_ELEMENT_COLUMNS) as WoonPart[];
  const iPart = parts.map((p) => columnIndex(header, WOON_ELEMENT_COLUMNS[p], file));
  const sums = new Map<HestiaLabel, number[][]>();
  for (const l of HESTIA_LABELS)
    sums.set(
      l,
      parts.map(() => [0, 0, 0, 0, 0]),
    );
  body.forEach((line, n) => {
    const cells = line.split('\t').map(unquote);
    const label = cells[iLabel]!;
    if (!isOneOf<HestiaLabel>(HESTIA_LABELS, label)) throw new Error(`${file}:${n + 2}: unknown label ${label}`);
    const freq = Number(cells[iFreq]);
    if (!Number.isFinite(freq) || freq < 0) throw new Error(`${file}:${n + 2}: bad freq`);
    parts.forEach((_, k) => {
      const v = cells[iPart[k]!]!;
      if (v !== '') sums.get(label)![k]![levelIndex(v, `${file}:${n + 2}`)]! += freq;
    });
  });
  const table = {} as Record<HestiaLabel, Record<WoonPart, LevelWeights>>;
  for (const label of HESTIA_LABELS) {
    const perPart = {} as Record<WoonPart, LevelWeights>;
    parts.forEach((p, k) => {
      const w = sums.get(label)![k]!;
      const total = w.reduce((a, b) => a + b, 0);
      if (total <= 0) throw new Error(`${file}: no rows for label ${label}, column ${WOON_ELEMENT_COLUMNS[p]}`);
      perPart[p] = w.map((x) => round6(x / total)) as unknown as LevelWeights;
    });
    table[label] = perPart;
  }
  return table satisfies ElementLevelTable;
}

/** Parses minimale_bouwdeelkwaliteit_na_1992.csv (`;`, periods like "1992 - 2011"). */
export function parseMinimumLevels(text: string): MinimumLevelRow[] {
  const file = 'minimale_bouwdeelkwaliteit_na_1992.csv';
  const [head, ...body] = lines(text);
  const header = head!.split(';');
  const iPeriod = columnIndex(header, 'Bouwjaar', file);
  const parts = Object.keys(WOON_ELEMENT_COLUMNS) as WoonPart[];
  const iPart = parts.map((p) => columnIndex(header, WOON_ELEMENT_COLUMNS[p], file));
  return body.map((line, n) => {
    const cells = line.split(';');
    const m = /^(\d{4})\s*-\s*(\d{4})$/.exec(cells[iPeriod]!.trim());
    if (!m) throw new Error(`${file}:${n + 2}: bad Bouwjaar ${cells[iPeriod]}`);
    const levels = {} as Record<WoonPart, ElementLevel>;
    parts.forEach((p, k) => {
      levels[p] = ELEMENT_LEVELS[levelIndex(cells[iPart[k]!]!, `${file}:${n + 2}`)]!;
    });
    return { from: Number(m[1]), to: Number(m[2]), levels };
  });
}
