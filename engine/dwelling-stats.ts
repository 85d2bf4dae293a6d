import { DWELLING_TYPES, ENERGY_LABELS, OWNERSHIP_CATEGORIES, WOZ_BANDS } from './dwelling.ts';
import { BUILD_PERIODS, buildPeriodIndex } from './build-period.ts';
import type { DwellingColumns } from './dwelling-table.ts';
import { fail, ok, type Result } from './result.ts';

/** Fields the statistics can be grouped by; each maps a dwelling to one category label. */
export const STATS_FIELDS = ['buurt', 'ownership', 'type', 'period', 'label', 'labelSource', 'wozBand'] as const;
export type StatsField = (typeof STATS_FIELDS)[number];

export interface StatsRow {
  /** Category per grouped field, e.g. { buurt: 'BU16740202', ownership: 'corporatie' }. */
  key: Partial<Record<StatsField, string>>;
  count: number;
  /** Mean gebruiksoppervlakte, m². */
  meanOppervlakte: number;
  /** Median build year. */
  medianBouwjaar: number;
  /** Share of the group with label E, F or G (0–1). */
  shareLabelEFG: number;
  /** Share of the group whose label is registered rather than imputed (0–1). */
  shareLabelRegistered: number;
}

export interface StatsTable {
  groupBy: StatsField[];
  rows: StatsRow[];
  total: number;
}

type Categorizer = (t: DwellingColumns, i: number) => string;

const CATEGORIZERS: Record<StatsField, Categorizer> = {
  buurt: (t, i) => t.buurtCodes[t.buurt[i]!]!,
  ownership: (t, i) => OWNERSHIP_CATEGORIES[t.ownership[i]!]!,
  type: (t, i) => DWELLING_TYPES[t.type[i]!]!,
  period: (t, i) => BUILD_PERIODS[buildPeriodIndex(t.bouwjaar[i]!)]!.id,
  label: (t, i) => ENERGY_LABELS[t.label[i]!]!,
  labelSource: (t, i) => (t.labelRegistered[i] ? 'registered' : 'imputed'),
  wozBand: (t, i) => WOZ_BANDS[t.wozBand[i]!]!,
};

const LABEL_E = ENERGY_LABELS.indexOf('E');

/** Parses a comma-separated groupBy list; unknown or repeated fields are input errors, not exceptions. */
export function parseGroupBy(raw: string): Result<StatsField[]> {
  const parts = raw.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
  if (parts.length === 0) return fail({ code: 'stats.groupBy.empty', message: `groupBy needs one or more of ${STATS_FIELDS.join(', ')}`, path: ['groupBy'] });
  const fields: StatsField[] = [];
  for (const [i, p] of parts.entries()) {
    if (!(STATS_FIELDS as readonly string[]).includes(p)) {
      return fail({ code: 'stats.groupBy.unknown', message: `unknown groupBy field "${p}"; expected one of ${STATS_FIELDS.join(', ')}`, path: ['groupBy', i] });
    }
    if (fields.includes(p as StatsField)) return fail({ code: 'stats.groupBy.repeated', message: `groupBy field "${p}" is repeated`, path: ['groupBy', i] });
    fields.push(p as StatsField);
  }
  return ok(fields);
}

/** Counts and summary figures per combination of the grouped fields, rows sorted by key. */
export function dwellingStats(t: DwellingColumns, groupBy: readonly StatsField[]): StatsTable {
  const cats = groupBy.map((f) => CATEGORIZERS[f]);
  const groups = new Map<string, { key: string[]; idx: number[] }>();
  for (let i = 0; i < t.count; i++) {
    const key = cats.map((c) => c(t, i));
    const k = key.join('\u0000');
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { key, idx: [] }));
    g.idx.push(i);
  }
  const rows: StatsRow[] = [];
  for (const g of [...groups.values()].sort((a, b) => compareKeys(a.key, b.key))) {
    let area = 0, efg = 0, reg = 0;
    const years = new Uint16Array(g.idx.length);
    g.idx.forEach((i, j) => {
      area += t.oppervlakte[i]!;
      if (t.label[i]! >= LABEL_E) efg++;
      reg += t.labelRegistered[i]!;
      years[j] = t.bouwjaar[i]!;
    });
    years.sort();
    const n = g.idx.length;
    rows.push({
      key: Object.fromEntries(groupBy.map((f, j) => [f, g.key[j]!])),
      count: n,
      meanOppervlakte: round(area / n, 1),
      medianBouwjaar: n % 2 ? years[(n - 1) / 2]! : Math.round((years[n / 2 - 1]! + years[n / 2]!) / 2),
      shareLabelEFG: round(efg / n, 4),
      shareLabelRegistered: round(reg / n, 4),
    });
  }
  return { groupBy: [...groupBy], rows, total: t.count };
}

function compareKeys(a: string[], b: string[]): number {
  for (let i = 0; i < a.length; i++) {
    if (a[i]! < b[i]!) return -1;
    if (a[i]! > b[i]!) return 1;
  }
  return 0;
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
