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

/** A grouping dimension: a category code per dwelling and the label of each code, in natural order. */
interface Dimension {
  codes: ArrayLike<number>;
  labels: readonly string[];
}

function dimension(t: DwellingColumns, field: StatsField): Dimension {
  switch (field) {
    case 'buurt':
      return { codes: t.buurt, labels: t.buurtCodes };
    case 'ownership':
      return { codes: t.ownership, labels: OWNERSHIP_CATEGORIES };
    case 'type':
      return { codes: t.type, labels: DWELLING_TYPES };
    case 'label':
      return { codes: t.label, labels: ENERGY_LABELS };
    case 'labelSource':
      return { codes: t.labelRegistered, labels: ['imputed', 'registered'] };
    case 'wozBand':
      return { codes: t.wozBand, labels: WOZ_BANDS };
    case 'period': {
      const codes = new Uint8Array(t.count);
      for (let i = 0; i < t.count; i++) codes[i] = buildPeriodIndex(t.bouwjaar[i]!);
      return { codes, labels: BUILD_PERIODS.map((p) => p.id) };
    }
  }
}

const LABEL_E = ENERGY_LABELS.indexOf('E');
const YEAR_BITS = 2048; // build years are stored as Uint16 and lie well below 2048

/** Parses a comma-separated groupBy list; unknown or repeated fields are input errors, not exceptions. */
export function parseGroupBy(raw: string): Result<StatsField[]> {
  const parts = raw
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  if (parts.length === 0)
    return fail({
      code: 'stats.groupBy.empty',
      message: `groupBy needs one or more of ${STATS_FIELDS.join(', ')}`,
      path: ['groupBy'],
    });
  const fields: StatsField[] = [];
  for (const [i, p] of parts.entries()) {
    if (!(STATS_FIELDS as readonly string[]).includes(p)) {
      return fail({
        code: 'stats.groupBy.unknown',
        message: `unknown groupBy field "${p}"; expected one of ${STATS_FIELDS.join(', ')}`,
        path: ['groupBy', i],
      });
    }
    if (fields.includes(p as StatsField))
      return fail({
        code: 'stats.groupBy.repeated',
        message: `groupBy field "${p}" is repeated`,
        path: ['groupBy', i],
      });
    fields.push(p as StatsField);
  }
  return ok(fields);
}

/**
 * Counts and summary figures per combination of the grouped fields. Rows come in the natural
 * order of each field (buurt code, label A++++→G, period oldest first); empty groups are left out.
 * Runs in a few passes over the typed arrays: one mixed-radix group key per dwelling, sums per
 * key, and one typed-array sort of (key, build year) for the medians.
 */
export function dwellingStats(t: DwellingColumns, groupBy: readonly StatsField[]): StatsTable {
  const dims = groupBy.map((f) => dimension(t, f));
  const n = t.count;
  const key = new Float64Array(n);
  let groups = 1;
  for (const d of dims) {
    const size = d.labels.length;
    for (let i = 0; i < n; i++) key[i] = key[i]! * size + d.codes[i]!;
    groups *= size;
  }
  // Each field appears once (parseGroupBy), so the product stays far below 2^53 / YEAR_BITS.
  if (groups > Number.MAX_SAFE_INTEGER / YEAR_BITS) throw new Error('too many groupBy combinations');
  const sums = new Map<number, { count: number; area: number; efg: number; reg: number }>();
  const keyYear = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const k = key[i]!;
    let g = sums.get(k);
    if (!g) sums.set(k, (g = { count: 0, area: 0, efg: 0, reg: 0 }));
    g.count++;
    g.area += t.oppervlakte[i]!;
    if (t.label[i]! >= LABEL_E) g.efg++;
    g.reg += t.labelRegistered[i]!;
    keyYear[i] = k * YEAR_BITS + t.bouwjaar[i]!;
  }
  keyYear.sort();
  const rows: StatsRow[] = [];
  let at = 0;
  for (const k of [...sums.keys()].sort((a, b) => a - b)) {
    const g = sums.get(k)!;
    const year = (j: number) => keyYear[at + j]! - k * YEAR_BITS;
    const c = g.count;
    const median = c % 2 ? year((c - 1) / 2) : Math.round((year(c / 2 - 1) + year(c / 2)) / 2);
    at += c;
    const labels: Partial<Record<StatsField, string>> = {};
    let rest = k;
    for (let j = dims.length - 1; j >= 0; j--) {
      const size = dims[j]!.labels.length;
      labels[groupBy[j]!] = dims[j]!.labels[rest % size]!;
      rest = Math.floor(rest / size);
    }
    rows.push({
      key: Object.fromEntries(groupBy.map((f) => [f, labels[f]!])),
      count: c,
      meanOppervlakte: round(g.area / c, 1),
      medianBouwjaar: median,
      shareLabelEFG: round(g.efg / c, 4),
      shareLabelRegistered: round(g.reg / c, 4),
    });
  }
  return { groupBy: [...groupBy], rows, total: n };
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
