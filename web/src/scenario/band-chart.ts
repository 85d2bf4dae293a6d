/**
 * A small SVG line chart of one metric over the years: per scenario the median as a line and the
 * 10–90 % band of the Monte Carlo runs as a shaded area. Returns markup (every text escaped).
 */
export interface BandSeries {
  name: string;
  color: string;
  years: readonly number[];
  p10: readonly (number | null)[];
  p50: readonly (number | null)[];
  p90: readonly (number | null)[];
  /** Draw the median dashed (the second scenario), so a line that coincides with the first stays visible. */
  dashed?: boolean;
}

export interface BandChartOptions {
  title: string;
  width: number;
  height: number;
  /** Axis label of a value; `step` is the distance between ticks. */
  tick: (v: number, step: number) => string;
  /** Smallest distance between ticks (1 for label indexes, so every tick is a whole label). */
  minStep?: number;
  /** Fixed value axis, e.g. [0, 1] for a probability. */
  domain?: [number, number];
  /** A horizontal reference line, e.g. the corporatiebuurt threshold of 2/3. */
  reference?: { value: number; label: string };
  /** Keep 0 in the value axis (shares). */
  fromZero?: boolean;
  /** A value as the hover text shows it (e.g. "46,3 %"); without it the axis label is used. */
  value?: (v: number) => string;
}

const M = { top: 26, right: 10, bottom: 22, left: 46 };

export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** Round tick values covering [lo, hi]. */
export function niceTicks(lo: number, hi: number, count = 4, minStep = 0): number[] {
  if (!(hi > lo)) return [lo];
  const raw = Math.max((hi - lo) / count, minStep);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((f) => f * mag).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step - 1e-9) * step; v <= hi + 1e-9 * step; v += step)
    out.push(Number(v.toPrecision(12)));
  return out;
}

const f2 = (x: number): string => x.toFixed(1);

/** True when two series have the same values in every year (the lines coincide). */
export function sameSeries(a: BandSeries, b: BandSeries): boolean {
  const eq = (x: readonly (number | null)[], y: readonly (number | null)[]) =>
    x.length === y.length && x.every((v, i) => v === y[i]);
  return eq(a.years, b.years) && eq(a.p10, b.p10) && eq(a.p50, b.p50) && eq(a.p90, b.p90);
}

export function bandChartSvg(series: readonly BandSeries[], o: BandChartOptions): string {
  const values = series
    .flatMap((s) => [...s.p10, ...s.p90, ...s.p50])
    .filter((v): v is number => v !== null && Number.isFinite(v));
  if (o.reference) values.push(o.reference.value);
  let lo = values.length ? Math.min(...values) : 0,
    hi = values.length ? Math.max(...values) : 1;
  if (o.fromZero) lo = Math.min(lo, 0);
  if (hi - lo < 1e-9) {
    hi += Math.abs(hi) * 0.05 + 0.01;
    lo -= Math.abs(lo) * 0.05 + 0.01;
  }
  const pad = (hi - lo) * 0.06;
  hi += pad;
  if (!o.fromZero || lo < 0) lo -= pad;
  if (o.minStep) {
    lo = Math.floor(lo / o.minStep) * o.minStep;
    hi = Math.ceil(hi / o.minStep) * o.minStep;
  }
  if (o.domain) [lo, hi] = o.domain;
  const years = series[0]?.years ?? [];
  const y0 = years[0] ?? 0,
    y1 = years[years.length - 1] ?? 1;
  const w = o.width - M.left - M.right,
    h = o.height - M.top - M.bottom;
  const x = (year: number): number => M.left + (y1 > y0 ? ((year - y0) / (y1 - y0)) * w : w / 2);
  const y = (v: number): number => M.top + h - ((v - lo) / (hi - lo)) * h;
  const parts: string[] = [];
  parts.push(`<text class="chart-title" x="${M.left}" y="14">${escapeXml(o.title)}</text>`);
  const ticks = niceTicks(lo, hi, 4, o.minStep);
  const step = ticks.length > 1 ? ticks[1]! - ticks[0]! : hi - lo;
  for (const t of ticks) {
    parts.push(`<line class="grid" x1="${M.left}" x2="${M.left + w}" y1="${f2(y(t))}" y2="${f2(y(t))}"/>`);
    parts.push(
      `<text class="tick" x="${M.left - 4}" y="${f2(y(t) + 3.5)}" text-anchor="end">${escapeXml(o.tick(t, step))}</text>`,
    );
  }
  // Year axis: the first and the LAST year always, round years between unless too close to the last one to read.
  for (const yr of years) {
    const last = yr === y1 && y1 !== y0;
    if (!last && yr !== y0 && (yr % 5 !== 0 || y1 - yr < 3)) continue;
    parts.push(
      `<text class="tick year" x="${f2(x(yr))}" y="${o.height - 6}" text-anchor="${last ? 'end' : yr === y0 ? 'start' : 'middle'}">${yr}</text>`,
    );
  }
  if (o.reference) {
    const ry = f2(y(o.reference.value));
    parts.push(
      `<line class="reference" x1="${M.left}" x2="${M.left + w}" y1="${ry}" y2="${ry}"/><text class="reference-label" x="${M.left + w}" y="${f2(y(o.reference.value) - 3)}" text-anchor="end">${escapeXml(o.reference.label)}</text>`,
    );
  }
  for (const s of series) {
    // Band and line run over stretches of years with values; a null breaks them.
    let upper: string[] = [],
      lower: string[] = [],
      line: string[] = [];
    const flush = (): void => {
      if (upper.length > 1)
        parts.push(
          `<path class="band" fill="${escapeXml(s.color)}" d="M${upper.join('L')}L${lower.reverse().join('L')}Z"/>`,
        );
      if (line.length > 1)
        parts.push(
          `<path class="median${s.dashed ? ' dashed' : ''}" stroke="${escapeXml(s.color)}"${s.dashed ? ' stroke-dasharray="6 4"' : ''} d="M${line.join('L')}"/>`,
        );
      else if (line.length === 1)
        parts.push(
          `<circle class="median-dot" fill="${escapeXml(s.color)}" r="2.5" cx="${line[0]!.split(',')[0]}" cy="${line[0]!.split(',')[1]}"/>`,
        );
      upper = [];
      lower = [];
      line = [];
    };
    s.years.forEach((yr, i) => {
      const a = s.p10[i],
        m = s.p50[i],
        b = s.p90[i];
      if (a == null || m == null || b == null) return flush();
      upper.push(`${f2(x(yr))},${f2(y(b))}`);
      lower.push(`${f2(x(yr))},${f2(y(a))}`);
      line.push(`${f2(x(yr))},${f2(y(m))}`);
    });
    flush();
  }
  // Hover values: one invisible target per scenario and year, its title the values at that year.
  const fmt = o.value ?? ((v: number) => o.tick(v, step));
  for (const s of series)
    s.years.forEach((yr, i) => {
      const a = s.p10[i],
        m = s.p50[i],
        b = s.p90[i];
      if (a == null || m == null || b == null) return;
      const band = a === b ? '' : ` (10–90%: ${fmt(a)} – ${fmt(b)})`;
      parts.push(
        `<circle class="hover-point" cx="${f2(x(yr))}" cy="${f2(y(m))}" r="5" data-year="${yr}"><title>${escapeXml(`${yr} · ${s.name}: ${fmt(m)}${band}`)}</title></circle>`,
      );
    });
  if (series.length === 2 && sameSeries(series[0]!, series[1]!))
    parts.push(`<text class="same-note" x="${M.left + w}" y="14" text-anchor="end">A en B gelijk</text>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" class="band-chart" viewBox="0 0 ${o.width} ${o.height}" width="${o.width}" height="${o.height}" role="img" aria-label="${escapeXml(o.title)}">${parts.join('')}</svg>`;
}
