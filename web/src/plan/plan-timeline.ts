import { formatCount } from '../format.ts';
import { formatCompactEuro, formatEuro, type TimelineRow } from './plan-model.ts';
import type { CalendarTimeline } from './plan-timeline-model.ts';

/**
 * The plan's timeline as a small SVG (no chart library): one bar per season, its height the programme
 * contribution and its colour the season's map colour, the dwelling count above it, and the cumulative
 * contribution as a line against the budget (dashed).
 */
export interface TimelineLayout {
  width: number;
  height: number;
  bars: { season: string; x: number; y: number; w: number; h: number; colour: string; count: string; title: string }[];
  /** Cumulative contribution, one point per bar centre. */
  cumulative: [number, number][];
  budgetY: number;
  yearLabels: { x: number; text: string }[];
  axis: { top: string; budget: string };
}

const PAD = { left: 8, right: 8, top: 18, bottom: 18 };

export function timelineLayout(
  rows: readonly TimelineRow[],
  budgetEur: number,
  width = 300,
  height = 150,
): TimelineLayout {
  const innerW = width - PAD.left - PAD.right;
  const innerH = height - PAD.top - PAD.bottom;
  const total = rows.reduce((a, r) => a + r.contributionEur, 0);
  // Bars share the scale of the cumulative line, so a season's bar is its step in the line; the top is the larger of budget and spend.
  const top = Math.max(budgetEur, total, 1);
  const maxBar = Math.max(1, ...rows.map((r) => r.contributionEur));
  // Bars on their own scale (seasons are small next to the whole budget), at most the lower half of the chart.
  const barScale = (innerH * 0.5) / maxBar;
  const step = rows.length ? innerW / rows.length : innerW;
  const y = (eur: number) => PAD.top + innerH - (eur / top) * innerH;
  let sum = 0;
  const bars = rows.map((r, i) => {
    const h = Math.max(1, r.contributionEur * barScale);
    return {
      season: r.season,
      x: PAD.left + i * step + step * 0.15,
      y: PAD.top + innerH - h,
      w: step * 0.7,
      h,
      colour: r.colour,
      count: formatCount(r.dwellings),
      title: `${r.label}: ${formatCount(r.dwellings)} woningen, programmabijdrage ${formatEuro(r.contributionEur)}, kosten ${formatEuro(r.costEur)}`,
    };
  });
  const cumulative = rows.map((r, i): [number, number] => {
    sum += r.contributionEur;
    return [PAD.left + (i + 0.5) * step, y(sum)];
  });
  const yearLabels: { x: number; text: string }[] = [];
  rows.forEach((r, i) => {
    const year = r.season.slice(0, 4);
    if (yearLabels.at(-1)?.text !== year) yearLabels.push({ x: PAD.left + i * step + step / 2, text: year });
  });
  return {
    width,
    height,
    bars,
    cumulative,
    budgetY: y(budgetEur),
    yearLabels,
    axis: { top: formatCompactEuro(top), budget: `budget ${formatCompactEuro(budgetEur)}` },
  };
}

const SVG = 'http://www.w3.org/2000/svg';

function svgEl<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
  text?: string,
): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

/** The timeline as an SVG element (text through textContent only). */
export function renderTimeline(rows: readonly TimelineRow[], budgetEur: number): SVGSVGElement {
  const l = timelineLayout(rows, budgetEur);
  const svg = svgEl('svg', {
    viewBox: `0 0 ${l.width} ${l.height}`,
    width: l.width,
    height: l.height,
    role: 'img',
    class: 'plan-timeline',
  });
  svg.append(svgEl('title', {}, 'Tijdlijn: programmabijdrage en woningen per seizoen, cumulatief tegen het budget'));
  svg.append(
    svgEl('line', {
      x1: PAD.left,
      x2: l.width - PAD.right,
      y1: l.budgetY,
      y2: l.budgetY,
      class: 'timeline-budget',
      stroke: '#a11',
      'stroke-dasharray': '4 3',
    }),
  );
  svg.append(
    svgEl(
      'text',
      { x: l.width - PAD.right, y: Math.max(10, l.budgetY - 3), 'text-anchor': 'end', class: 'timeline-axis' },
      l.axis.budget,
    ),
  );
  for (const b of l.bars) {
    const g = svgEl('g', { class: 'timeline-bar', 'data-season': b.season });
    g.append(svgEl('title', {}, b.title));
    g.append(svgEl('rect', { x: b.x, y: b.y, width: b.w, height: b.h, fill: b.colour }));
    g.append(
      svgEl('text', { x: b.x + b.w / 2, y: b.y - 2, 'text-anchor': 'middle', class: 'timeline-count' }, b.count),
    );
    svg.append(g);
  }
  if (l.cumulative.length) {
    svg.append(
      svgEl('polyline', {
        points: l.cumulative.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' '),
        fill: 'none',
        stroke: '#1d2630',
        'stroke-width': 1.5,
        class: 'timeline-cumulative',
      }),
    );
  }
  for (const y of l.yearLabels)
    svg.append(svgEl('text', { x: y.x, y: l.height - 4, 'text-anchor': 'middle', class: 'timeline-axis' }, y.text));
  return svg;
}

const ROW_H = 14;
const PERMIT_H = 12;

/**
 * The calendar timeline as SVG: natuurkalender closed periods as grey bands behind everything, the permit profiles'
 * validity as a band on top, and one row per planned season (its whole span light, its natuurvrij-maken window in
 * the season's colour) with its batch and dwelling counts; year ticks below.
 */
export function renderCalendarTimeline(t: CalendarTimeline): SVGSVGElement {
  const height = PERMIT_H + 4 + t.rows.length * ROW_H + 16;
  const svg = svgEl('svg', {
    viewBox: `0 0 ${t.width} ${height}`,
    width: t.width,
    height,
    role: 'img',
    class: 'plan-calendar',
  });
  svg.append(
    svgEl(
      'title',
      {},
      'Tijdlijn per seizoen en batch met de gesloten perioden van de natuurkalender en de geldigheid van het vergunningsprofiel',
    ),
  );
  const rowsTop = PERMIT_H + 4;
  for (const c of t.closed) {
    const g = svgEl('g', { class: 'timeline-closed', 'data-period': c.id, 'data-from': c.from, 'data-until': c.until });
    g.append(
      svgEl('title', {}, c.title),
      svgEl('rect', {
        x: c.x,
        y: rowsTop,
        width: c.w,
        height: t.rows.length * ROW_H,
        fill: '#c9ced4',
        'fill-opacity': 0.55,
      }),
    );
    svg.append(g);
  }
  for (const p of t.permits) {
    const g = svgEl('g', {
      class: 'timeline-permit',
      'data-profile': p.id,
      'data-from': p.from,
      'data-until': p.until,
    });
    g.append(
      svgEl('title', {}, p.title),
      svgEl('rect', {
        x: p.x,
        y: 1,
        width: p.w,
        height: PERMIT_H - 2,
        fill: '#e9d8a6',
        stroke: '#8a6d1a',
        'stroke-width': 0.5,
      }),
    );
    g.append(svgEl('text', { x: p.x + 2, y: PERMIT_H - 3, class: 'timeline-axis' }, `vergunning: ${p.label}`));
    g.append(
      svgEl('line', {
        x1: p.x + p.w,
        x2: p.x + p.w,
        y1: 0,
        y2: height - 14,
        stroke: '#8a6d1a',
        'stroke-dasharray': '2 2',
      }),
    );
    svg.append(g);
  }
  t.rows.forEach((r, i) => {
    const y = rowsTop + i * ROW_H;
    const g = svgEl('g', { class: 'timeline-season', 'data-season': r.season, 'data-batches': r.batches });
    g.append(svgEl('title', {}, r.bar.title));
    g.append(
      svgEl('rect', { x: r.bar.x, y: y + 2, width: r.bar.w, height: ROW_H - 4, fill: r.colour, 'fill-opacity': 0.25 }),
    );
    const ex = svgEl('rect', {
      x: r.exclusion.x,
      y: y + 2,
      width: r.exclusion.w,
      height: ROW_H - 4,
      fill: r.colour,
      class: 'timeline-exclusion',
    });
    ex.append(svgEl('title', {}, r.exclusion.title));
    g.append(ex);
    g.append(
      svgEl(
        'text',
        { x: r.bar.x + r.bar.w - 2, y: y + ROW_H - 4, 'text-anchor': 'end', class: 'timeline-axis' },
        `${formatCount(r.batches)} b. · ${formatCount(r.dwellings)} w.`,
      ),
    );
    svg.append(g);
  });
  for (const y of t.years) {
    svg.append(
      svgEl('line', { x1: y.x, x2: y.x, y1: rowsTop, y2: height - 12, stroke: '#5b6570', 'stroke-width': 0.5 }),
    );
    svg.append(svgEl('text', { x: y.x, y: height - 3, 'text-anchor': 'middle', class: 'timeline-axis' }, y.text));
  }
  return svg;
}
