import { formatCount } from '../format.ts';
import { formatCompactEuro, formatEuro, type TimelineRow } from './plan-model.ts';

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

export function timelineLayout(rows: readonly TimelineRow[], budgetEur: number, width = 300, height = 150): TimelineLayout {
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
      season: r.season, x: PAD.left + i * step + step * 0.15, y: PAD.top + innerH - h, w: step * 0.7, h, colour: r.colour, count: formatCount(r.dwellings),
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
  return { width, height, bars, cumulative, budgetY: y(budgetEur), yearLabels, axis: { top: formatCompactEuro(top), budget: `budget ${formatCompactEuro(budgetEur)}` } };
}

const SVG = 'http://www.w3.org/2000/svg';

function svgEl<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

/** The timeline as an SVG element (text through textContent only). */
export function renderTimeline(rows: readonly TimelineRow[], budgetEur: number): SVGSVGElement {
  const l = timelineLayout(rows, budgetEur);
  const svg = svgEl('svg', { viewBox: `0 0 ${l.width} ${l.height}`, width: l.width, height: l.height, role: 'img', class: 'plan-timeline' });
  svg.append(svgEl('title', {}, 'Tijdlijn: programmabijdrage en woningen per seizoen, cumulatief tegen het budget'));
  svg.append(svgEl('line', { x1: PAD.left, x2: l.width - PAD.right, y1: l.budgetY, y2: l.budgetY, class: 'timeline-budget', stroke: '#a11', 'stroke-dasharray': '4 3' }));
  svg.append(svgEl('text', { x: l.width - PAD.right, y: Math.max(10, l.budgetY - 3), 'text-anchor': 'end', class: 'timeline-axis' }, l.axis.budget));
  for (const b of l.bars) {
    const g = svgEl('g', { class: 'timeline-bar', 'data-season': b.season });
    g.append(svgEl('title', {}, b.title));
    g.append(svgEl('rect', { x: b.x, y: b.y, width: b.w, height: b.h, fill: b.colour }));
    g.append(svgEl('text', { x: b.x + b.w / 2, y: b.y - 2, 'text-anchor': 'middle', class: 'timeline-count' }, b.count));
    svg.append(g);
  }
  if (l.cumulative.length) {
    svg.append(svgEl('polyline', { points: l.cumulative.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' '), fill: 'none', stroke: '#1d2630', 'stroke-width': 1.5, class: 'timeline-cumulative' }));
  }
  for (const y of l.yearLabels) svg.append(svgEl('text', { x: y.x, y: l.height - 4, 'text-anchor': 'middle', class: 'timeline-axis' }, y.text));
  return svg;
}
