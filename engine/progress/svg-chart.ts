/**
 * Charts of the progress report and the Voortgang view as SVG text: one drawing for the printed report (HTML, PDF)
 * and the app, so both show the same figure. Pure string building; every label is escaped. Sizes in SVG user
 * units (1 unit = 1 CSS px at 100 %).
 */

/** Escapes text for HTML and SVG content and attribute values. */
export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export interface ChartLine {
  label: string;
  values: readonly (number | null)[];
  color: string;
  dashed?: boolean;
}

export interface LineChartSpec {
  title: string;
  /** One label per value position (e.g. quarters). */
  xLabels: readonly string[];
  lines: readonly ChartLine[];
  /** Horizontal reference (e.g. the budget), drawn as a grey line with its label. */
  reference?: { label: string; value: number };
  formatY: (v: number) => string;
  width?: number;
  height?: number;
}

const niceMax = (v: number): number => {
  if (!(v > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (m * p >= v) return m * p;
  return 10 * p;
};

const r1 = (x: number): string => (Math.round(x * 10) / 10).toString();

/** A line chart with a y axis from 0, x labels thinned to about eight, a legend under the plot. */
export function lineChart(s: LineChartSpec): string {
  const W = s.width ?? 640,
    H = s.height ?? 280;
  const left = 78,
    right = 40,
    top = 30,
    bottom = 58;
  const pw = W - left - right,
    ph = H - top - bottom;
  const all = s.lines.flatMap((l) => l.values.filter((v): v is number => v !== null));
  const max = niceMax(Math.max(0, ...all, s.reference?.value ?? 0));
  const n = s.xLabels.length;
  const x = (i: number) => left + (n <= 1 ? pw / 2 : (i * pw) / (n - 1));
  const y = (v: number) => top + ph - (v / max) * ph;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${escapeXml(s.title)}" font-family="Noto Sans, Arial, sans-serif" font-size="11">`,
    `<text x="${left}" y="16" font-size="13" font-weight="bold">${escapeXml(s.title)}</text>`,
  ];
  for (let k = 0; k <= 4; k++) {
    const v = (max * k) / 4;
    parts.push(
      `<line x1="${left}" x2="${W - right}" y1="${r1(y(v))}" y2="${r1(y(v))}" stroke="#ddd"/>`,
      `<text x="${left - 6}" y="${r1(y(v) + 4)}" text-anchor="end">${escapeXml(s.formatY(v))}</text>`,
    );
  }
  const step = Math.max(1, Math.ceil(n / 8));
  s.xLabels.forEach((l, i) => {
    if (i % step === 0 || i === n - 1)
      parts.push(`<text x="${r1(x(i))}" y="${top + ph + 16}" text-anchor="middle">${escapeXml(l)}</text>`);
  });
  if (s.reference) {
    const ry = r1(y(s.reference.value));
    parts.push(
      `<line x1="${left}" x2="${W - right}" y1="${ry}" y2="${ry}" stroke="#888" stroke-dasharray="2 3"/>`,
      `<text x="${W - right}" y="${Number(ry) - 4}" text-anchor="end" fill="#555">${escapeXml(s.reference.label)}</text>`,
    );
  }
  s.lines.forEach((l, li) => {
    let d = '';
    l.values.forEach((v, i) => {
      if (v === null) return;
      d += `${d === '' ? 'M' : 'L'}${r1(x(i))},${r1(y(v))}`;
    });
    if (d !== '')
      parts.push(
        `<path d="${d}" fill="none" stroke="${l.color}" stroke-width="2"${l.dashed ? ' stroke-dasharray="6 4"' : ''}/>`,
      );
    const lx = left + li * 190;
    parts.push(
      `<line x1="${lx}" x2="${lx + 22}" y1="${H - 14}" y2="${H - 14}" stroke="${l.color}" stroke-width="2"${l.dashed ? ' stroke-dasharray="6 4"' : ''}/>`,
      `<text x="${lx + 28}" y="${H - 10}">${escapeXml(l.label)}</text>`,
    );
  });
  parts.push(
    `<line x1="${left}" x2="${left}" y1="${top}" y2="${top + ph}" stroke="#333"/>`,
    `<line x1="${left}" x2="${W - right}" y1="${top + ph}" y2="${top + ph}" stroke="#333"/>`,
    '</svg>',
  );
  return parts.join('');
}

export interface BarGroup {
  label: string;
  values: readonly (number | null)[];
}

export interface BarChartSpec {
  title: string;
  series: readonly { label: string; color: string }[];
  groups: readonly BarGroup[];
  formatY: (v: number) => string;
  width?: number;
  height?: number;
}

/** Grouped bars (one group per buurt, one bar per series); a null value is drawn as "–" (suppressed or unknown). */
export function barChart(s: BarChartSpec): string {
  const W = s.width ?? 640,
    H = s.height ?? 280;
  const left = 78,
    right = 16,
    top = 30,
    bottom = 72;
  const pw = W - left - right,
    ph = H - top - bottom;
  const max = niceMax(Math.max(0, ...s.groups.flatMap((g) => g.values.filter((v): v is number => v !== null))));
  const y = (v: number) => top + ph - (v / max) * ph;
  const gw = pw / Math.max(1, s.groups.length);
  const bw = Math.max(2, (gw * 0.8) / Math.max(1, s.series.length));
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${escapeXml(s.title)}" font-family="Noto Sans, Arial, sans-serif" font-size="11">`,
    `<text x="${left}" y="16" font-size="13" font-weight="bold">${escapeXml(s.title)}</text>`,
  ];
  for (let k = 0; k <= 4; k++) {
    const v = (max * k) / 4;
    parts.push(
      `<line x1="${left}" x2="${W - right}" y1="${r1(y(v))}" y2="${r1(y(v))}" stroke="#ddd"/>`,
      `<text x="${left - 6}" y="${r1(y(v) + 4)}" text-anchor="end">${escapeXml(s.formatY(v))}</text>`,
    );
  }
  s.groups.forEach((g, gi) => {
    const gx = left + gi * gw + gw * 0.1;
    g.values.forEach((v, si) => {
      const bx = r1(gx + si * bw);
      if (v === null) {
        parts.push(`<text x="${r1(gx + (si + 0.5) * bw)}" y="${top + ph - 3}" text-anchor="middle">–</text>`);
        return;
      }
      parts.push(
        `<rect x="${bx}" y="${r1(y(v))}" width="${r1(bw - 1)}" height="${r1(top + ph - y(v))}" fill="${s.series[si]?.color ?? '#999'}"/>`,
      );
    });
    parts.push(
      `<text x="${r1(left + (gi + 0.5) * gw)}" y="${top + ph + 14}" text-anchor="middle">${escapeXml(g.label)}</text>`,
    );
  });
  s.series.forEach((se, i) => {
    const lx = left + i * 160;
    parts.push(
      `<rect x="${lx}" y="${H - 22}" width="14" height="10" fill="${se.color}"/>`,
      `<text x="${lx + 20}" y="${H - 13}">${escapeXml(se.label)}</text>`,
    );
  });
  parts.push(`<line x1="${left}" x2="${W - right}" y1="${top + ph}" y2="${top + ph}" stroke="#333"/>`, '</svg>');
  return parts.join('');
}
