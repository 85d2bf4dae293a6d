/** The compare page's legend, charts and target lists, from two scenario results. */
import { escapeXml, bandChartSvg, type BandSeries } from './band-chart.ts';
import { DIVERGING, rampGradient } from './choropleth.ts';
import { formatDelta, formatMetric, formatTick, labelLetters } from './metric-format.ts';
import type { ScenarioResult } from './scenario-api.ts';

export const COLORS = { a: '#1f4e8c', b: '#d9730d' } as const;

/** Metrics the maps can be coloured by. */
export const MAP_METRICS = [
  'share-corporation',
  'corporatiebuurt',
  'share-owner-occupied',
  'share-social-rent',
  'share-low-income',
  'share-55plus',
  'share-family',
  'share-single-family',
  'average-label',
  'energy-cost',
] as const;

/** The charts of the mix over time, in order; shares start at zero. */
export const CHARTS: { metric: string; reference?: { value: number; label: string } }[] = [
  { metric: 'share-corporation', reference: { value: 2 / 3, label: 'corporatiebuurt (> 2/3)' } },
  { metric: 'corporatiebuurt' },
  { metric: 'share-owner-occupied' },
  { metric: 'share-social-rent' },
  { metric: 'share-mid-rent-corporation' },
  { metric: 'share-private-rent' },
  { metric: 'share-single-family' },
  { metric: 'share-family' },
  { metric: 'share-single-person' },
  { metric: 'share-low-income' },
  { metric: 'share-55plus' },
  { metric: 'average-label' },
  { metric: 'energy-cost' },
  { metric: 'dwellings' },
];

export function metricInfo(r: ScenarioResult, id: string): { label: string; unit: string } {
  const m = r.metrics.find((x) => x.id === id);
  return { label: m?.label ?? id, unit: m?.unit ?? '' };
}

/** The map value of a metric for a unit and year: the median, or for the corporatiebuurt flag its probability. */
export function mapValue(r: ScenarioResult, unit: string, metric: string, year: number): number | null {
  const s = r.series[unit]?.[metric];
  const yi = r.years.indexOf(year);
  if (!s || yi < 0) return null;
  return (metricInfo(r, metric).unit === 'flag' ? s.mean[yi] : s.p50[yi]) ?? null;
}

function series(r: ScenarioResult, unit: string, metric: string, color: string, dashed: boolean): BandSeries | null {
  const s = r.series[unit]?.[metric];
  if (!s) return null;
  // A flag's percentiles are 0 or 1; its mean over runs is the probability, drawn without a band.
  if (metricInfo(r, metric).unit === 'flag')
    return { name: r.scenario.name, color, years: r.years, p10: s.mean, p50: s.mean, p90: s.mean, dashed };
  return { name: r.scenario.name, color, years: r.years, p10: s.p10, p50: s.p50, p90: s.p90, dashed };
}

/** Small multiples: per metric both scenarios' medians with their 10–90 % bands for one unit. */
export function renderCharts(
  el: HTMLElement,
  a: ScenarioResult,
  b: ScenarioResult,
  unit: string,
  unitName: string,
): void {
  const cards = CHARTS.map(({ metric, reference }) => {
    const { label, unit: u } = metricInfo(a, metric);
    // B dashed: when both scenarios give the same line, A still shows between B's dashes.
    const sa = series(a, unit, metric, COLORS.a, false),
      sb = series(b, unit, metric, COLORS.b, true);
    if (!sa || !sb) return '';
    const share = u === 'share' || u === 'flag';
    const svg = bandChartSvg([sa, sb], {
      title: u === 'flag' ? 'Kans op corporatiebuurt' : label,
      width: 300,
      height: 170,
      tick: (v, step) => formatTick(u, v, step),
      value: (v) => formatMetric(u === 'flag' ? 'share' : u, v),
      fromZero: share,
      ...(reference ? { reference } : {}),
      ...(u === 'flag' ? { domain: [0, 1] as [number, number] } : {}),
      ...(u === 'label-index' ? { minStep: 1 } : {}),
    });
    return `<figure class="chart" data-metric="${escapeXml(metric)}">${svg}</figure>`;
  });
  el.innerHTML = cards.join('');
  el.setAttribute('aria-label', `Grafieken voor ${unitName}`);
}

/**
 * The map legend: the ramp with its end values, or for mean energy labels the label letters along the ramp (never
 * the internal label index); for the difference view the diverging ramp from "B lager" to "B hoger" around 0.
 */
export function renderLegend(
  el: HTMLElement,
  label: string,
  unit: string,
  domain: [number, number],
  year: number,
  difference = false,
): void {
  const ends = (lo: string, hi: string): string =>
    `<div class="legend-ends"><span>${escapeXml(lo)}</span><span>${escapeXml(hi)}</span></div>`;
  let scale: string;
  if (difference) {
    scale = ends(`${formatDelta(unit, domain[0])} (B lager)`, `${formatDelta(unit, domain[1])} (B hoger)`);
  } else if (unit === 'label-index') {
    const letters = labelLetters(domain[0], domain[1]);
    scale = `<div class="legend-ends legend-letters">${letters.map((l) => `<span>${escapeXml(l)}</span>`).join('')}</div>`;
  } else {
    scale = ends(formatMetric(unit, domain[0]), formatMetric(unit, domain[1]));
  }
  const note = difference
    ? 'Verschil van de medianen, B min A, per buurt; wit is gelijk.'
    : unit === 'label-index'
      ? 'Gemiddeld energielabel over de Monte Carlo-runs (mediaan); dezelfde schaal voor beide kaarten.'
      : 'Mediaan over de Monte Carlo-runs (kans bij corporatiebuurt); dezelfde schaal voor beide kaarten.';
  el.innerHTML =
    `<div class="legend-title">${escapeXml(difference ? `Verschil B − A: ${label}` : label)} in ${year}</div>` +
    `<div class="legend-ramp" style="background:${rampGradient(difference ? DIVERGING : undefined)}"></div>` +
    scale +
    `<div class="legend-note">${note}</div>`;
}

const two = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** The scenario's targets with ✓/✗ and the probability reached. */
export function renderTargets(el: HTMLElement, r: ScenarioResult, color: string): void {
  const items = r.targets.map((t) => {
    const { label, unit } = metricInfo(r, t.metric);
    const threshold = /^-?[\d.]+$/.test(t.threshold)
      ? formatMetric(unit === 'flag' ? '' : unit, Number(t.threshold))
      : t.threshold;
    return (
      `<li class="${t.met ? 'met' : 'failed'}"><span class="mark">${t.met ? '✓' : '✗'}</span> ${escapeXml(label)} ${escapeXml(t.area)} ${t.year} ${t.bound === 'min' ? '≥' : '≤'} ${escapeXml(threshold)}` +
      ` <span class="prob">kans ${two.format(t.probability)} (vereist ${two.format(t.requiredProbability)})</span></li>`
    );
  });
  el.innerHTML =
    `<h3 style="color:${color}">${escapeXml(r.scenario.name)}</h3><p class="runs">${r.scenario.runs} runs · seed ${r.scenario.seed}</p>` +
    (items.length ? `<ul>${items.join('')}</ul>` : '<p>Geen doelen.</p>');
}
