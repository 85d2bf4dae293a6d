import '@fontsource/noto-sans/latin-400.css';
import '@fontsource/noto-sans/latin-600.css';
import 'maplibre-gl/dist/maplibre-gl.css';
import './compare.css';
import labelFontPath from '@fontsource/noto-sans/files/noto-sans-latin-600-normal.woff2?url';
import maplibreWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import { AttributionControl, addProtocol, setWorkerUrl, type GeoJSONSource } from 'maplibre-gl';
import { Protocol } from 'pmtiles';
import { Buurten, Health, getJson } from '../api.ts';
import { renderBanner, renderBannerError } from '../dataset-banner.ts';
import { buurtLabelPoints } from '../label-points.ts';
import { focusBounds } from '../map-view.ts';
import { installCompareHooks } from './compare-hooks.ts';
import { BUURT_LABELS_SOURCE } from '../map-style.ts';
import { createCompareMap, hoverValues, onBuurtClick, showValues, syncMaps, unitBounds } from './compare-maps.ts';
import { downloadChartData } from './chart-download.ts';
import {
  CHARTS,
  COLORS,
  MAP_METRICS,
  mapValue,
  metricInfo,
  renderCharts,
  renderLegend,
  renderTargets,
} from './compare-panels.ts';
import { DIVERGING, differenceDomain, fillColor, sharedDomain } from './choropleth.ts';
import { formatDelta, formatMetric } from './metric-format.ts';
import { ScenarioList, VERSION_PREFIX, runScenario, type ScenarioResult } from './scenario-api.ts';
import { requireSessionOrRedirect } from '../auth/session-gate.ts';

// Signed in first: otherwise to the sign-in page, which returns here afterwards (web/src/auth).
const session = await requireSessionOrRedirect();

setWorkerUrl(maplibreWorkerUrl);
addProtocol('pmtiles', new Protocol().tile);

const $ = <T extends HTMLElement = HTMLElement>(id: string): T => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`missing #${id} in compare.html`);
  return el as T;
};
const hooks = installCompareHooks();
const banner = $('dataset-banner'),
  status = $('status');
const selA = $<HTMLSelectElement>('scenario-a'),
  selB = $<HTMLSelectElement>('scenario-b');
const selArea = $<HTMLSelectElement>('area'),
  selMetric = $<HTMLSelectElement>('metric'),
  selView = $<HTMLSelectElement>('view'),
  selYear = $<HTMLInputElement>('year'),
  yearValue = $<HTMLOutputElement>('year-value'),
  progress = $<HTMLProgressElement>('progress'),
  charts = $('charts');

function fail(err: unknown): void {
  const message = err instanceof Error ? err.message : String(err);
  hooks.error ??= message;
  hooks.busy = false;
  showProgress(false);
  status.textContent = `Fout: ${message}`;
  status.className = 'status error';
  console.error(err);
}

const labelFontUrl = new URL(labelFontPath, location.href).href;
const left = createCompareMap($('map-a'), labelFontUrl),
  right = createCompareMap($('map-b'), labelFontUrl);
hooks.maps = [left.map, right.map];
syncMaps(left.map, right.map);
hoverValues(left.map);
hoverValues(right.map);

/** Progress while scenarios run on the server: a bar, the seconds so far, the charts dimmed. */
let progressTimer: ReturnType<typeof setInterval> | null = null;
function showProgress(on: boolean): void {
  progress.hidden = !on;
  charts.classList.toggle('busy', on);
  if (progressTimer !== null) clearInterval(progressTimer);
  progressTimer = null;
  if (!on) return;
  const started = performance.now();
  const tick = (): void => {
    status.textContent = `Scenario’s worden doorgerekend… ${Math.round((performance.now() - started) / 1000)} s`;
  };
  tick();
  progressTimer = setInterval(tick, 1000);
}

const healthP = getJson('/api/health', Health);
const buurtenP = getJson('/api/buurten', Buurten);
const listP = getJson('/api/scenarios', ScenarioList);
healthP.then(
  (h) => {
    renderBanner(banner, h);
    right.map.addControl(
      // Compact (an ⓘ button): the full text would cover a sixth of map B.
      new AttributionControl({ compact: true, customAttribution: h.dataset.attribution }),
      'bottom-right',
    );
  },
  (e: unknown) => {
    renderBannerError(banner, String(e));
    fail(e);
  },
);

const results = new Map<string, Promise<ScenarioResult>>();
const result = (id: string): Promise<ScenarioResult> => {
  let p = results.get(id);
  if (!p) {
    results.set(id, (p = runScenario(id)));
    p.catch(() => results.delete(id));
  }
  return p;
};

function option(value: string, text: string): HTMLOptionElement {
  const o = document.createElement('option');
  o.value = value;
  o.textContent = text;
  return o;
}

/** Fills the area and year lists from a result's units and years (once). */
function fillUnitsAndYears(r: ScenarioResult): void {
  if (selArea.options.length > 0) return;
  const areas = document.createElement('optgroup');
  areas.label = 'Programmagebieden';
  const buurten = document.createElement('optgroup');
  buurten.label = 'Buurten';
  for (const u of r.units)
    (u.kind === 'area' ? areas : buurten).append(option(u.id, u.kind === 'area' ? u.name : `${u.name} (${u.id})`));
  selArea.append(areas, buurten);
  selArea.value = r.units.some((u) => u.id === 'Kalsdonk') ? 'Kalsdonk' : r.units[0]!.id;
  selYear.min = String(r.years[0]);
  selYear.max = String(r.years[r.years.length - 1]);
  selYear.value = String(r.years.includes(2030) ? 2030 : r.years[r.years.length - 1]);
  yearValue.value = selYear.value;
}

let generation = 0;
let shownArea: string | null = null;
async function render(): Promise<void> {
  const gen = ++generation;
  hooks.ready = false;
  hooks.busy = true;
  status.className = 'status busy';
  showProgress(true);
  const [a, b, buurten] = await Promise.all([
    result(selA.value),
    result(selB.value),
    buurtenP,
    left.loaded,
    right.loaded,
  ]);
  if (gen !== generation) return;
  showProgress(false);
  fillUnitsAndYears(a);
  const area = selArea.value,
    metric = selMetric.value,
    year = Number(selYear.value),
    view = selView.value === 'verschil' ? 'verschil' : 'naast';
  const { label, unit } = metricInfo(a, metric);
  const buurtUnits = a.units.filter((u) => u.kind === 'buurt').map((u) => u.id);
  const selected = new Set(a.units.find((u) => u.id === area)?.buurten ?? []);
  const values = [a, b].map((r) => new Map(buurtUnits.map((code) => [code, mapValue(r, code, metric, year)])));
  const [va, vb] = values as [Map<string, number | null>, Map<string, number | null>];
  const diff = new Map(
    buurtUnits.map((code) => {
      const x = va.get(code) ?? null,
        y = vb.get(code) ?? null;
      return [code, x === null || y === null ? null : y - x];
    }),
  );
  const hover = new Map(
    buurtUnits.map((code) => [
      code,
      `A ${formatMetric(unit, va.get(code) ?? null)} · B ${formatMetric(unit, vb.get(code) ?? null)} · B − A ${formatDelta(unit, diff.get(code) ?? null)}`,
    ]),
  );
  const difference = view === 'verschil';
  // Side by side: one scale for both maps. Difference: A on its own scale, B − A on a diverging scale around 0.
  const domain = sharedDomain([...va.values(), ...(difference ? [] : [...vb.values()])]);
  const diffDomain = differenceDomain([...diff.values()]);
  // The first view shows both programme areas; choosing another area zooms to it.
  if (shownArea === null) shownArea = area;
  else if (area !== shownArea) {
    shownArea = area;
    const bounds = unitBounds(buurten, selected);
    if (bounds) left.map.fitBounds(bounds, { padding: 40, animate: false, maxZoom: 15 });
  }
  showValues(left.map, buurten, va, selected, fillColor(domain[0], domain[1]), hover);
  if (difference) showValues(right.map, buurten, diff, selected, fillColor(...diffDomain, DIVERGING), hover);
  else showValues(right.map, buurten, vb, selected, fillColor(domain[0], domain[1]), hover);
  $('title-a').textContent = `A · ${a.scenario.name}`;
  $('title-b').textContent = difference
    ? `B − A · ${b.scenario.name} min ${a.scenario.name}`
    : `B · ${b.scenario.name}`;
  renderLegend($('legend'), label, unit, domain, year);
  const legendDiff = $('legend-diff');
  legendDiff.hidden = !difference;
  if (difference) renderLegend(legendDiff, label, unit, diffDomain, year, true);
  const areaName = a.units.find((u) => u.id === area)?.name ?? area;
  $('charts-title').textContent = `Samenstelling door de tijd — ${areaName} (mediaan en 10–90%-band)`;
  renderCharts($('chart-grid'), a, b, area, areaName);
  renderTargets($('targets-a'), a, COLORS.a);
  renderTargets($('targets-b'), b, COLORS.b);
  hooks.results = { a, b };
  hooks.selection = { a: selA.value, b: selB.value, area, metric, year, view };
  status.textContent = `${a.scenario.runs} en ${b.scenario.runs} runs doorgerekend op de server.`;
  status.className = 'status';
  await Promise.all(
    [left.map, right.map].map((m) =>
      m.loaded() ? Promise.resolve() : new Promise<void>((r) => m.once('idle', () => r())),
    ),
  );
  if (gen !== generation) return;
  hooks.busy = false;
  hooks.ready = true;
}

async function init(): Promise<void> {
  const [list, buurten] = await Promise.all([listP, buurtenP, left.loaded, right.loaded]);
  const valid = list.scenarios.filter((s) => s.valid);
  if (valid.length < 2) throw new Error('er zijn minder dan twee geldige scenario’s');
  for (const sel of [selA, selB]) for (const s of valid) sel.append(option(s.id, s.name));
  selA.value = valid.some((s) => s.id === 'baseline') ? 'baseline' : valid[0]!.id;
  selB.value =
    valid.find((s) => s.id !== selA.value && s.id.startsWith('kalsdonk'))?.id ??
    valid.find((s) => s.id !== selA.value)!.id;
  // A saved version drawn on the map (?versie=N) is B, against the baseline.
  const versie = Number(new URLSearchParams(location.search).get('versie'));
  if (Number.isInteger(versie) && versie > 0) {
    const id = `${VERSION_PREFIX}${versie}`;
    for (const sel of [selA, selB]) sel.append(option(id, `Versie ${versie}`));
    selB.value = id;
  }
  const metricLabels = new Map([['corporatiebuurt', 'Kans op corporatiebuurt']]);
  const first = await result(selA.value);
  for (const m of MAP_METRICS) selMetric.append(option(m, metricLabels.get(m) ?? metricInfo(first, m).label));
  const bounds = focusBounds(buurten);
  if (bounds) left.map.fitBounds(bounds, { padding: 30, animate: false });
  const labels = buurtLabelPoints(buurten);
  for (const m of [left.map, right.map]) m.getSource<GeoJSONSource>(BUURT_LABELS_SOURCE)?.setData(labels);
  for (const m of [left.map, right.map])
    onBuurtClick(m, (code) => {
      selArea.value = code;
      render().catch(fail);
    });
  for (const sel of [selA, selB, selArea, selMetric, selView, selYear])
    sel.addEventListener('change', () => {
      render().catch(fail);
    });
  // The slider shows its year while it moves and redraws when let go (change).
  selYear.addEventListener('input', () => {
    yearValue.value = selYear.value;
  });
  for (const format of ['csv', 'xlsx'] as const)
    $(`download-${format}`).addEventListener('click', () => {
      const r = hooks.results;
      if (!r.a || !r.b || !hooks.selection) return;
      downloadChartData(
        format,
        r.a,
        r.b,
        hooks.selection.area,
        CHARTS.map((c) => c.metric),
        {
          exportedBy: { name: session.user.name, role: session.user.role, via: 'session' },
          exportedAt: new Date().toISOString(),
          health: healthP,
        },
      ).catch(fail);
    });
  await render();
}
init().catch(fail);
