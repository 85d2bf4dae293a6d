/**
 * The gebiedsvisie sheet: one printable page for a scenario version — who made it and when, a map of the drawn
 * interventions on their blocks, the indicators they move against the baseline (median of the runs) and the
 * targets met or missed with their probability. Pure: the page fetches the data and prints this HTML.
 */
import type { ScenarioResult } from '../scenario/scenario-api.ts';
import { formatMetric } from '../scenario/metric-format.ts';
import { KIND_NL } from './draw-form.ts';

export interface SheetBlock {
  id: string;
  geometry: { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] };
}

export interface SheetInput {
  version: { id: number; name: string; author: string; createdAt: string; note: string; parentId: number | null };
  synthetic: boolean;
  interventions: { id: string; kind: string; area: string; blocks?: string[]; count?: number }[];
  blocks: readonly SheetBlock[];
  baseline: ScenarioResult;
  result: ScenarioResult;
  /** Unit (area) and years the indicator table shows. */
  area: string;
  years: readonly number[];
}

/** Colour per intervention kind (one family per kind, readable in greyscale print by lightness). */
export const KIND_COLOURS: Record<string, string> = {
  sale: '#e6550d',
  liberalisation: '#fdae6b',
  demolition: '#54278f',
  'new-build': '#9e9ac8',
  retrofit: '#31a354',
  acquisition: '#3182bd',
  split: '#de2d26',
  merge: '#fc9272',
};
const INDICATORS = [
  'share-social-rent',
  'share-owner-occupied',
  'share-corporation',
  'share-low-income',
  'average-label',
];

const esc = (t: string) => t.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

function rings(b: SheetBlock): number[][][] {
  return b.geometry.type === 'Polygon' ? [b.geometry.coordinates[0]!] : b.geometry.coordinates.map((p) => p[0]!);
}

/** SVG of the blocks, coloured by the intervention on them; the frame fits every block drawn. */
export function interventionMap(input: Pick<SheetInput, 'interventions' | 'blocks'>, w = 520, h = 300): string {
  const kindOf = new Map<string, string>();
  for (const iv of input.interventions) for (const b of iv.blocks ?? []) if (!kindOf.has(b)) kindOf.set(b, iv.kind);
  const drawn = input.blocks.filter((b) => kindOf.has(b.id));
  const pts = drawn.flatMap(rings).flat();
  if (pts.length === 0) return `<p>Geen blokken getekend.</p>`;
  const xs = pts.map((p) => p[0]!),
    ys = pts.map((p) => p[1]!);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  // Equirectangular at this latitude: a degree of longitude is cos(lat) of a degree of latitude.
  const k = Math.cos((((y0 + y1) / 2) * Math.PI) / 180);
  const scale = Math.min((w - 20) / Math.max((x1 - x0) * k, 1e-9), (h - 20) / Math.max(y1 - y0, 1e-9));
  const px = (p: number[]) =>
    `${(10 + (p[0]! - x0) * k * scale).toFixed(1)},${(h - 10 - (p[1]! - y0) * scale).toFixed(1)}`;
  const context = input.blocks.filter(
    (b) =>
      !kindOf.has(b.id) &&
      rings(b).some((r) => r.some((p) => p[0]! >= x0 && p[0]! <= x1 && p[1]! >= y0 && p[1]! <= y1)),
  );
  const poly = (b: SheetBlock, fill: string, stroke: string) =>
    rings(b)
      .map((r) => `<polygon points="${r.map(px).join(' ')}" fill="${fill}" stroke="${stroke}" stroke-width="0.8"/>`)
      .join('');
  return `<svg class="sheet-map" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img" aria-label="Kaart van de ingrepen">${context
    .map((b) => poly(b, '#f0f0f0', '#bdbdbd'))
    .join('')}${drawn.map((b) => poly(b, KIND_COLOURS[kindOf.get(b.id)!] ?? '#777', '#333')).join('')}</svg>`;
}

function value(r: ScenarioResult, area: string, metric: string, year: number): number | null {
  const yi = r.years.indexOf(year);
  return yi < 0 ? null : (r.series[area]?.[metric]?.p50[yi] ?? null);
}

export function renderSheet(input: SheetInput): string {
  const v = input.version;
  const when = new Date(v.createdAt).toLocaleString('nl-NL', { timeZone: 'Europe/Amsterdam' });
  const label = (m: string) => input.result.metrics.find((x) => x.id === m)?.label ?? m;
  const unit = (m: string) => input.result.metrics.find((x) => x.id === m)?.unit ?? '';
  const drawnKinds = [...new Set(input.interventions.filter((iv) => iv.blocks).map((iv) => iv.kind))];
  const indicatorRows = INDICATORS.flatMap((m) =>
    input.years.map((y) => {
      const a = value(input.baseline, input.area, m, y),
        b = value(input.result, input.area, m, y);
      return `<tr><td>${esc(label(m))}</td><td>${y}</td><td>${formatMetric(unit(m), a)}</td><td>${formatMetric(unit(m), b)}</td></tr>`;
    }),
  );
  const targetRows = input.result.targets.map(
    (t) =>
      `<tr class="${t.met ? 'met' : 'missed'}"><td>${esc(t.id)}</td><td>${esc(t.area)} ${t.year}</td><td>${t.bound === 'min' ? '≥' : '≤'} ${esc(t.threshold)}</td><td>${(t.probability * 100).toLocaleString('nl-NL', { maximumFractionDigits: 0 })} % (nodig ${(t.requiredProbability * 100).toLocaleString('nl-NL', { maximumFractionDigits: 0 })} %)</td><td>${t.met ? 'gehaald' : 'niet gehaald'}</td></tr>`,
  );
  return `<article class="sheet">
<header><h1>Gebiedsvisie: ${esc(v.name)}</h1>
<p>Versie ${v.id}${v.parentId ? ` (afgeleid van versie ${v.parentId})` : ''} · ${esc(v.author)} · ${esc(when)}${v.note ? ` · ${esc(v.note)}` : ''}</p>
${input.synthetic ? '<p class="synthetic">Synthetische gegevens: de blokken en uitkomsten beschrijven geen echte woningen of huishoudens.</p>' : ''}</header>
<section><h2>Ingrepen</h2>${interventionMap(input)}
<ul class="sheet-legend">${drawnKinds.map((k) => `<li><span style="background:${KIND_COLOURS[k] ?? '#777'}"></span>${esc(KIND_NL[k as keyof typeof KIND_NL] ?? k)}</li>`).join('')}</ul>
<table><thead><tr><th>Ingreep</th><th>Gebied</th><th>Blokken</th><th>Woningen</th></tr></thead><tbody>${input.interventions
    .map(
      (iv) =>
        `<tr><td>${esc(KIND_NL[iv.kind as keyof typeof KIND_NL] ?? (iv.kind === 'new-build' ? 'Nieuwbouw' : iv.kind))}</td><td>${esc(iv.area)}</td><td>${iv.blocks?.length ?? '–'}</td><td>${iv.count ?? '–'}</td></tr>`,
    )
    .join('')}</tbody></table></section>
<section><h2>Wat verschuift in ${esc(input.area)} (mediaan van ${input.result.scenario.runs} runs)</h2>
<table><thead><tr><th>Indicator</th><th>Jaar</th><th>Basis</th><th>Deze versie</th></tr></thead><tbody>${indicatorRows.join('')}</tbody></table></section>
<section><h2>Doelen</h2><table><thead><tr><th>Doel</th><th>Gebied en jaar</th><th>Grens</th><th>Kans</th><th></th></tr></thead><tbody>${targetRows.join('')}</tbody></table></section>
</article>`;
}
