/**
 * Plain-text tables of scenario results for the terminal and CI logs, in Dutch with nl-NL numbers:
 * the targets with their probabilities, key figures per area, and two scenarios side by side.
 */
import { ENERGY_LABELS } from '../dwelling.ts';
import { METRICS } from './metrics.ts';
import type { ScenarioSummary, SeriesStats } from './summary.ts';

const pct = new Intl.NumberFormat('nl-NL', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
const int = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 });
const two = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const one = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

const unitOf = new Map<string, string>(METRICS.map((m) => [m.id, m.unit]));
const labelOf = new Map<string, string>(METRICS.map((m) => [m.id, m.label]));

/** A metric value in Dutch notation: 46,3% · 1.751 · C (6,4) · € 1.892 · kans 0,35. */
export function formatValue(metric: string, v: number | null): string {
  if (v === null) return '–';
  switch (unitOf.get(metric)) {
    case 'share':
      return pct.format(v);
    case 'flag':
      return `kans ${two.format(v)}`;
    case 'label-index':
      return `${ENERGY_LABELS[Math.min(ENERGY_LABELS.length - 1, Math.max(0, Math.round(v)))]} (${one.format(v)})`;
    case 'eur-per-year':
    case 'eur-per-month':
      return `€ ${int.format(v)}`;
    default:
      return int.format(v);
  }
}

/** Median with its 10–90 % band, or the probability for the corporatiebuurt flag. */
export function formatBand(metric: string, st: SeriesStats, yi: number): string {
  if (unitOf.get(metric) === 'flag') return formatValue(metric, st.mean[yi] ?? null);
  const p50 = st.p50[yi] ?? null,
    p10 = st.p10[yi] ?? null,
    p90 = st.p90[yi] ?? null;
  if (p10 === p90) return formatValue(metric, p50);
  return `${formatValue(metric, p50)} [${formatValue(metric, p10)}–${formatValue(metric, p90)}]`;
}

function grid(head: string[], rows: string[][], leftColumns = 1): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => (i < leftColumns ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** A target's bound in the metric's notation (a label stays a label; a flag bound stays 0 or 1). */
function thresholdText(metric: string, threshold: string): string {
  const x = Number(threshold);
  if (!Number.isFinite(x) || unitOf.get(metric) === 'flag' || unitOf.get(metric) === 'label-index')
    return threshold.replace('.', ',');
  return formatValue(metric, x);
}

/** One line per target: ✓ or ✗, what it asks, the probability reached and the one required. */
export function targetsTable(s: ScenarioSummary): string {
  if (s.targets.length === 0) return 'Geen doelen in dit scenario.';
  const rows = s.targets.map((t) => [
    t.met ? '✓' : '✗',
    t.id,
    `${labelOf.get(t.metric) ?? t.metric} ${t.area} ${t.year} ${t.bound === 'min' ? '≥' : '≤'} ${thresholdText(t.metric, t.threshold)}`,
    two.format(t.probability),
    two.format(t.requiredProbability),
    formatValue(t.metric, t.median),
  ]);
  return grid(['', 'doel', 'eis', 'kans', 'vereist', 'mediaan'], rows, 3);
}

/** Key metrics of some units over some years (median [p10–p90]). */
export function keyFiguresTable(
  s: ScenarioSummary,
  units: readonly string[],
  years: readonly number[],
  metrics: readonly string[],
): string {
  const rows: string[][] = [];
  for (const u of units) {
    const series = s.series[u];
    if (!series) continue;
    for (const m of metrics) {
      const st = series[m];
      if (!st) continue;
      rows.push([u, labelOf.get(m) ?? m, ...years.map((y) => formatBand(m, st, s.years.indexOf(y)))]);
    }
  }
  return grid(['gebied', 'indicator', ...years.map(String)], rows, 2);
}

/** Two scenarios side by side per unit, metric and year: medians with bands, and the difference of medians. */
export function compareTable(
  a: ScenarioSummary,
  b: ScenarioSummary,
  units: readonly string[],
  years: readonly number[],
  metrics: readonly string[],
): string {
  const rows: string[][] = [];
  for (const u of units) {
    for (const m of metrics) {
      const sa = a.series[u]?.[m],
        sb = b.series[u]?.[m];
      if (!sa || !sb) continue;
      for (const y of years) {
        const ia = a.years.indexOf(y),
          ib = b.years.indexOf(y);
        if (ia < 0 || ib < 0) continue;
        const flag = unitOf.get(m) === 'flag';
        const va = (flag ? sa.mean[ia] : sa.p50[ia]) ?? null,
          vb = (flag ? sb.mean[ib] : sb.p50[ib]) ?? null;
        const diff =
          va === null || vb === null
            ? '–'
            : unitOf.get(m) === 'share'
              ? `${vb - va >= 0 ? '+' : ''}${one.format((vb - va) * 100)} %-punt`
              : `${vb - va >= 0 ? '+' : ''}${two.format(vb - va)}`;
        rows.push([u, labelOf.get(m) ?? m, String(y), formatBand(m, sa, ia), formatBand(m, sb, ib), diff]);
      }
    }
  }
  return grid(['gebied', 'indicator', 'jaar', `A: ${a.scenario.id}`, `B: ${b.scenario.id}`, 'B − A'], rows, 3);
}

/** The metrics the tables show by default: tenure and corporatiebuurt, residents, label and energy cost. */
export const KEY_METRICS = [
  'share-corporation',
  'corporatiebuurt',
  'share-owner-occupied',
  'share-single-family',
  'share-family',
  'share-low-income',
  'share-55plus',
  'average-label',
  'energy-cost',
] as const;
