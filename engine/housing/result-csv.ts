import type { ScenarioSummary } from './summary.ts';

const plain = new Intl.NumberFormat('en-US', { useGrouping: false, maximumFractionDigits: 12 });
/** Decimal comma and never an exponent (Excel reads "1e-7" as text in a Dutch locale). */
const dec = (x: number | null): string => (x === null ? '' : plain.format(x).replace('.', ','));
const cell = (v: string): string => (/[;"\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/**
 * The series as CSV for Dutch Excel (`;` separator, decimal comma, BOM, CRLF), one row per area,
 * indicator and year, like `voorraad stats --format csv`.
 */
export function resultCsv(s: ScenarioSummary): string {
  const rows = [['scenario', 'gebied', 'gebied_naam', 'soort', 'indicator', 'indicator_naam', 'jaar', 'p10', 'mediaan', 'p90', 'gemiddelde', 'runs', 'synthetisch'].join(';')];
  const labels = new Map(s.metrics.map((m) => [m.id, m.label]));
  for (const u of s.units) {
    const perMetric = s.series[u.id] ?? {};
    for (const [metric, st] of Object.entries(perMetric)) {
      s.years.forEach((year, yi) => {
        rows.push([
          cell(s.scenario.id), cell(u.id), cell(u.name), u.kind === 'buurt' ? 'buurt' : 'gebied', metric, cell(labels.get(metric) ?? metric), String(year),
          dec(st.p10[yi] ?? null), dec(st.p50[yi] ?? null), dec(st.p90[yi] ?? null), dec(st.mean[yi] ?? null), String(s.scenario.runs), s.dataset.synthetic ? 'ja' : 'nee',
        ].join(';'));
      });
    }
  }
  return `\uFEFF${rows.join('\r\n')}\r\n`;
}

/** The targets as CSV (same conventions): one row per target with its probability. */
export function targetsCsv(s: ScenarioSummary): string {
  const rows = [['scenario', 'doel', 'indicator', 'gebied', 'jaar', 'grens', 'drempel', 'vereiste_kans', 'kans', 'mediaan', 'gehaald'].join(';')];
  for (const t of s.targets) {
    rows.push([
      cell(s.scenario.id), cell(t.id), t.metric, cell(t.area), String(t.year), t.bound === 'min' ? 'minimaal' : 'maximaal', cell(t.threshold.replace('.', ',')),
      dec(t.requiredProbability), dec(t.probability), dec(t.median), t.met ? 'ja' : 'nee',
    ].join(';'));
  }
  return `\uFEFF${rows.join('\r\n')}\r\n`;
}
