/**
 * The "Verduurzaming" map layers: priority, label after the measures, ecological risk and
 * the pre-SMP route, with filters, live re-weighting in the page's engine worker, a legend with counts and the
 * retrofit part of the dwelling popup.
 *
 * Rendering: a second vector source over the same dwellings archive with `promoteId: 'vboId'`, and a circle
 * layer whose colour is a feature-state expression. A weight change then sets feature state for the
 * dwellings whose priority changed and MapLibre rewrites only their paint values on the next frame — no
 * re-tiling and no round trip through MapLibre's worker, as a GeoJSON `setData` would need (and the base
 * `dwellings` source stays untouched). Filters are layer filters on the tile properties; they re-lay the
 * tiles out, which is fine for a click but would be too slow per slider movement.
 */
import './retrofit.css';
import type { FilterSpecification, Map as MapLibreMap, VectorSourceSpecification } from 'maplibre-gl';
import type { FactorId } from '../../../engine/retrofit/weights.ts';
import type { EngineClient } from '../engine-client.ts';
import type { VoorraadTestHooks } from '../test-hooks.ts';
import { installDwellingPopup } from '../dwelling-interaction.ts';
import { changedPriorities, featureState } from './feature-states.ts';
import { latestOnly, nextFrame } from './latest-only.ts';
import type { RetrofitMapColumns } from '../../../engine/retrofit/map-columns.ts';
import { retrofitPopupModel, todayInNl } from './popup-model.ts';
import { startRetrofitClient, type RetrofitClient } from './retrofit-client.ts';
import {
  buurtPriorities,
  filterExpression,
  isFiltered,
  layerCounts,
  NO_FILTER,
  type RetrofitFilter,
} from './retrofit-filter.ts';
import type { RetrofitTestHooks } from './retrofit-hooks.ts';
import { fitPriorityClasses, retrofitColorExpression, type RetrofitLayerId } from './retrofit-layers.ts';
import { UNKNOWN_COLOR } from '../attribute-styles.ts';
import { renderRetrofitPopup, renderRetrofitPopupState } from './retrofit-popup.ts';
import {
  renderBuurtPriorities,
  renderFilters,
  renderRetrofitLegend,
  renderRetrofitSwitcher,
  renderWeights,
} from './retrofit-panel.ts';
import { defaultFactors, sameFactors, snap, weightsFor, type FactorWeights } from './weights-model.ts';

export const RETROFIT_SOURCE = 'retrofit-dwellings';
export const RETROFIT_LAYER = 'retrofit-dwellings';
/** Source layer of the dwellings archive (geodata/build-tiles.ts). */
const SOURCE_LAYER = 'dwellings';
/** The popup waits this long for the worker's answer before it opens with "wordt berekend…". */
const POPUP_WAIT_MS = 250;

export interface RetrofitViewOptions {
  map: MapLibreMap;
  /** Resolves when the map style has loaded. */
  mapLoaded: Promise<void>;
  /** Container of the base attribute radios (attribute-switcher.ts); choosing one of them leaves the retrofit layers. */
  baseSwitcher: HTMLElement;
  /** Where the "Verduurzaming" radios and panel go (right under the base switcher). */
  root: HTMLElement;
  /** The base attribute's legend and buurt panel: hidden while a retrofit layer is shown. */
  baseElements: HTMLElement[];
  /** The base dwellings layer (map-style.ts DWELLINGS_LAYER). */
  baseLayer: string;
  buurtNames: Promise<ReadonlyMap<string, string>>;
  /** The page's engine worker (engine-client.ts), shared with the statistics: the retrofit layers score in it too. */
  engine: Promise<EngineClient>;
  /**
   * Scoring starts when this settles (main.ts: the first view is complete), or earlier when a retrofit layer or a
   * dwelling popup asks for it: the retrofit layers are hidden in the first view, and scoring in the shared engine
   * worker would otherwise delay the statistics the first view shows.
   */
  startAfter: Promise<unknown>;
  hooks: VoorraadTestHooks;
}

export interface RetrofitView {
  /**
   * The retrofit part of a dwelling's popup (dwelling-interaction.ts `extend`): resolves with the section
   * once the worker answered, or after a short wait with the section still filling in.
   */
  popupSection(props: Record<string, unknown>): Promise<Node | null>;
  /** Whether the dwellings are drawn at all (the layer list's "Woningen" row), in whichever colouring. */
  dwellingsVisible(): boolean;
  setDwellingsVisible(visible: boolean): void;
  /** The legend of the colouring now shown (base attribute or retrofit layer), for the layer list. */
  activeLegend(): HTMLElement;
  /** Mean priority of a buurt's dwellings under the current weights (no filter); null until scored. */
  buurtPriority(buurtcode: string): { count: number; meanPriority: number } | null;
}

interface WeightChange {
  factors: FactorWeights;
  /** `event.timeStamp` of the slider input (same clock as performance.now()). */
  at: number;
}

export function installRetrofit(o: RetrofitViewOptions): RetrofitView {
  const { map } = o;
  const hooks: RetrofitTestHooks = {
    ready: false,
    layer: null,
    filter: NO_FILTER,
    factors: defaultFactors(),
    rescores: 0,
    lastRescoreMs: null,
    lastEngineRescoreMs: null,
    lastRepaintMs: null,
    repaintMs: [],
    lastPhases: null,
    lastChanged: 0,
    error: null,
  };
  o.hooks.retrofit = hooks;

  let layer: RetrofitLayerId | null = null;
  let dwellingsOn = true;
  let filter: RetrofitFilter = NO_FILTER;
  let factors = defaultFactors();
  /** Factors of the last re-score sent to the worker: the popup's breakdown is computed under them. */
  let sentFactors = factors;
  let columns: RetrofitMapColumns | null = null;
  let repaintSeq = 0;

  const fail = (err: unknown): void => {
    const message = err instanceof Error ? err.message : String(err);
    hooks.error ??= message;
    console.error(err);
  };

  // DOM: radios always, the panel only while a retrofit layer is shown.
  const switcherBox = document.createElement('div');
  const panel = document.createElement('div');
  panel.className = 'retrofit-panel';
  panel.hidden = true;
  const legendEl = document.createElement('section');
  legendEl.className = 'retrofit-legend';
  legendEl.setAttribute('aria-label', 'Legenda verduurzaming');
  const weightsEl = document.createElement('section');
  const filtersEl = document.createElement('section');
  const buurtEl = document.createElement('section');
  buurtEl.className = 'retrofit-buurten';
  panel.append(legendEl, weightsEl, filtersEl, buurtEl);
  o.root.replaceChildren(switcherBox, panel);
  const radioName = o.baseSwitcher.querySelector<HTMLInputElement>('input[type=radio]')?.name ?? 'attribute';
  renderRetrofitSwitcher(switcherBox, radioName, (id) => show(id));
  o.baseSwitcher.addEventListener('change', () => show(null));

  // Scoring starts after the first view, or at once when a retrofit layer or a dwelling popup asks for it.
  let startNow!: () => void;
  const demanded = new Promise<void>((resolve) => (startNow = resolve));
  const clientP: Promise<RetrofitClient> = Promise.race([o.startAfter.catch(() => undefined), demanded]).then(() =>
    startRetrofitClient(o.engine),
  );
  const names = o.buurtNames.catch(() => new Map<string, string>());

  const mapReady = o.mapLoaded.then(() => {
    const base = map.getLayer(o.baseLayer);
    const spec = base ? map.getStyle().sources[base.source] : undefined;
    if (!spec || spec.type !== 'vector' || !spec.url)
      throw new Error(`dwellings layer "${o.baseLayer}" has no vector source with a url`);
    map.addSource(RETROFIT_SOURCE, {
      type: 'vector',
      url: spec.url,
      promoteId: { [SOURCE_LAYER]: 'vboId' },
    } satisfies VectorSourceSpecification);
    map.addLayer(
      {
        id: RETROFIT_LAYER,
        type: 'circle',
        source: RETROFIT_SOURCE,
        'source-layer': SOURCE_LAYER,
        layout: { visibility: 'none' },
        paint: {
          'circle-color': retrofitColorExpression('priority'),
          // Same size and outline as the base dwellings, so switching layers does not make the map jump.
          'circle-radius': map.getPaintProperty(o.baseLayer, 'circle-radius') ?? 3,
          'circle-stroke-color': map.getPaintProperty(o.baseLayer, 'circle-stroke-color') ?? '#ffffff',
          'circle-stroke-width': map.getPaintProperty(o.baseLayer, 'circle-stroke-width') ?? 0,
        },
      } as Parameters<MapLibreMap['addLayer']>[0],
      map.getLayer('street-labels') ? 'street-labels' : map.getLayer('buurt-labels') ? 'buurt-labels' : undefined,
    );
    installDwellingPopup(map, o.buurtNames, { layer: RETROFIT_LAYER, extend: popupSection });
  });

  const loaded = Promise.all([clientP, mapReady, names]).then(([client, , buurtNames]) => {
    columns = client.columns;
    fitPriorityClasses(columns.priority);
    if (layer === 'priority') map.setPaintProperty(RETROFIT_LAYER, 'circle-color', retrofitColorExpression('priority'));
    for (let i = 0; i < columns.count; i++)
      map.setFeatureState(
        { source: RETROFIT_SOURCE, sourceLayer: SOURCE_LAYER, id: columns.vboId[i]! },
        featureState(columns, i),
      );
    const buurten = columns.buurtCodes
      .map((code) => ({ code, name: buurtNames.get(code) ?? code }))
      .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
    renderFilters(filtersEl, { buurten }, filter, setFilter);
    hooks.ready = true;
    redrawCounts();
    return { client, buurtNames };
  });
  loaded.catch((err: unknown) => {
    fail(err);
    legendEl.replaceChildren(
      Object.assign(document.createElement('p'), {
        className: 'retrofit-error',
        textContent: `Verduurzaming niet beschikbaar: ${hooks.error}`,
      }),
    );
  });

  const weights = renderWeights(weightsEl, factors, onSlider, () => {
    factors = defaultFactors();
    weights.update(factors);
    rescore.push({ factors, at: performance.now() });
  });
  renderRetrofitLegend(legendEl, 'priority', null, false);
  renderBuurtPriorities(buurtEl, null);

  function show(next: RetrofitLayerId | null): void {
    if (next !== null) startNow();
    layer = next;
    hooks.layer = next;
    panel.hidden = next === null;
    // The weights only move the priority; under another layer they would suggest they change its colours.
    weightsEl.hidden = next !== 'priority';
    for (const e of o.baseElements) e.hidden = next !== null;
    void mapReady.then(() => {
      if (layer !== next) return;
      if (next)
        map.setPaintProperty(
          RETROFIT_LAYER,
          'circle-color',
          next === 'priority' && weightsError ? UNKNOWN_COLOR : retrofitColorExpression(next),
        );
      applyVisibility();
    }, fail);
    redrawCounts();
  }

  /**
   * Weights that cannot score (all 0) grey the priority layer out and mark its legend, instead of leaving the
   * previous colours on a map that no longer matches the sliders.
   */
  let weightsError = false;
  function setWeightsError(error: boolean): void {
    if (error === weightsError) return;
    weightsError = error;
    legendEl.dataset.error = error ? 'weights' : '';
    hooks.weightsError = error;
    void mapReady.then(() => {
      if (layer === 'priority')
        map.setPaintProperty(
          RETROFIT_LAYER,
          'circle-color',
          error ? UNKNOWN_COLOR : retrofitColorExpression('priority'),
        );
    }, fail);
    redrawCounts();
  }

  function applyVisibility(): void {
    map.setLayoutProperty(RETROFIT_LAYER, 'visibility', dwellingsOn && layer ? 'visible' : 'none');
    map.setLayoutProperty(o.baseLayer, 'visibility', dwellingsOn && !layer ? 'visible' : 'none');
  }

  function setFilter(next: RetrofitFilter): void {
    filter = next;
    hooks.filter = next;
    void mapReady.then(() => map.setFilter(RETROFIT_LAYER, filterExpression(next) as FilterSpecification | null), fail);
    redrawCounts();
  }

  function redrawCounts(): void {
    const shown = layer ?? 'priority';
    if (!columns) {
      renderRetrofitLegend(legendEl, shown, null, false);
      return;
    }
    const cols = columns;
    renderRetrofitLegend(legendEl, shown, layerCounts(shown, cols, filter), isFiltered(filter));
    if (weightsError && shown === 'priority') {
      legendEl.dataset.state = 'error';
      legendEl.prepend(
        Object.assign(document.createElement('p'), {
          className: 'retrofit-error',
          textContent: 'Geen prioriteit te berekenen: alle gewichten staan op 0. De kaart toont de woningen grijs.',
        }),
      );
    }
    void names.then((n) => {
      if (columns !== cols) return;
      const rows = buurtPriorities(cols, filter).map((b) => ({
        name: n.get(b.buurtcode) ?? b.buurtcode,
        count: b.count,
        meanPriority: b.meanPriority,
      }));
      renderBuurtPriorities(
        buurtEl,
        rows.sort((a, b) => b.meanPriority - a.meanPriority),
      );
    });
  }

  function onSlider(f: FactorId, value: number, at: number): void {
    const v = snap(value);
    if (factors[f] === v) return;
    factors = { ...factors, [f]: v };
    rescore.push({ factors, at });
  }

  const rescore = latestOnly<WeightChange>(
    async (change) => {
      const w = weightsFor(change.factors);
      weights.update(change.factors, w.ok ? null : 'Minstens één gewicht moet groter dan 0 zijn.');
      setWeightsError(!w.ok);
      if (!w.ok) return;
      const { client } = await loaded;
      if (sameFactors(change.factors, sentFactors)) return;
      sentFactors = change.factors;
      const r = await client.rescore(w.value);
      const tResult = performance.now();
      const cols = columns!;
      const changed = changedPriorities(cols.priority, r.priority);
      columns = { ...cols, priority: r.priority };
      for (const c of changed)
        map.setFeatureState(
          { source: RETROFIT_SOURCE, sourceLayer: SOURCE_LAYER, id: cols.vboId[c.index]! },
          { priority: c.priority },
        );
      // The classes follow the new scores (quantiles of what is shown), so the legend and colours stay fitted.
      fitPriorityClasses(r.priority);
      if (layer === 'priority')
        map.setPaintProperty(RETROFIT_LAYER, 'circle-color', retrofitColorExpression('priority'));
      const tApplied = performance.now();
      hooks.factors = change.factors;
      hooks.rescores++;
      hooks.lastRescoreMs = r.ms;
      hooks.lastEngineRescoreMs = r.engineMs;
      hooks.lastChanged = changed.length;
      redrawCounts();
      const seq = ++repaintSeq;
      let tRender: number | null = null;
      map.once('render', () => {
        tRender = performance.now();
      });
      map.once('idle', () => {
        if (seq !== repaintSeq) return;
        const now = performance.now();
        const ms = now - change.at;
        hooks.lastRepaintMs = ms;
        hooks.repaintMs.push(ms);
        hooks.lastPhases = {
          toResult: tResult - change.at,
          apply: tApplied - tResult,
          toRender: (tRender ?? now) - tApplied,
          toIdle: now - tApplied,
        };
      });
      map.triggerRepaint();
    },
    { afterRun: nextFrame, onError: fail },
  );

  async function popupSection(props: Record<string, unknown>): Promise<Node | null> {
    const vboId = typeof props.vboId === 'string' || typeof props.vboId === 'number' ? String(props.vboId) : '';
    if (vboId === '') return null;
    startNow();
    const section = document.createElement('section');
    section.className = 'retrofit-section';
    section.append(Object.assign(document.createElement('h3'), { textContent: 'Verduurzaming' }));
    const body = document.createElement('div');
    section.append(body);
    renderRetrofitPopupState(body, 'loading');
    const date = todayInNl();
    const filled = loaded
      .then(async ({ client }) => {
        const under = sentFactors;
        const detail = await client.dwelling(vboId, date);
        renderRetrofitPopup(body, retrofitPopupModel(detail, under, date));
      })
      .catch((err: unknown) =>
        renderRetrofitPopupState(body, 'error', err instanceof Error ? err.message : String(err)),
      );
    await Promise.race([filled, new Promise((resolve) => setTimeout(resolve, POPUP_WAIT_MS))]);
    return section;
  }

  return {
    popupSection,
    dwellingsVisible: () => dwellingsOn,
    setDwellingsVisible(visible) {
      dwellingsOn = visible;
      void mapReady.then(applyVisibility, fail);
    },
    activeLegend: () => (layer ? legendEl : o.baseElements[0]!),
    buurtPriority: (code) =>
      columns ? (buurtPriorities(columns, NO_FILTER).find((b) => b.buurtcode === code) ?? null) : null,
  };
}
