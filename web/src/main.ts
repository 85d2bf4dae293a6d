import '@fontsource/noto-sans/latin-400.css';
import '@fontsource/noto-sans/latin-600.css';
import 'maplibre-gl/dist/maplibre-gl.css';
import './app.css';
import labelFontPath from '@fontsource/noto-sans/files/noto-sans-latin-600-normal.woff2?url';
import maplibreWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import {
  AttributionControl,
  Map as MapLibreMap,
  NavigationControl,
  ScaleControl,
  addProtocol,
  setWorkerUrl,
  type GeoJSONSource,
} from 'maplibre-gl';
import { Protocol } from 'pmtiles';
import { Buurten, Health, getJson } from './api.ts';
import { renderAttributeSwitcher } from './attribute-switcher.ts';
import type { AttributeId } from './attribute-styles.ts';
import { renderBanner, renderBannerError } from './dataset-banner.ts';
import { startEngine } from './engine-client.ts';
import { buurtLabelPoints } from './label-points.ts';
import { BUURT_LABELS_SOURCE, DWELLINGS_LAYER, mapStyle } from './map-style.ts';
import { installTestHooks } from './test-hooks.ts';
import { focusBounds, ROOSENDAAL_CENTER } from './map-view.ts';
import { createStatsView } from './stats-view.ts';
import { installDwellingPopup } from './dwelling-interaction.ts';
import { requireSession } from './auth/session-gate.ts';
import { installRetrofit } from './retrofit/retrofit-view.ts';
import { MAP_LOCALE_NL } from './layers/map-locale.ts';
import { createLayerList } from './layers/layer-list.ts';
import { addBaseRows } from './layers/app-layers.ts';
import { loadSection } from './section-loader.ts';
import { installSearch } from './search/search-view.ts';
import { createBuurtCard } from './search/buurt-card.ts';
import { installBuurtClick } from './search/buurt-click.ts';

// Nothing below runs until someone is signed in: until then the Dutch sign-in page shows (web/src/auth).
const session = await requireSession();

// Without an explicit worker URL a production build shows a blank map (tech-notes "Offline map").
setWorkerUrl(maplibreWorkerUrl);
addProtocol('pmtiles', new Protocol().tile);

const $ = (id: string): HTMLElement => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`missing #${id} in index.html`);
  return el;
};

const hooks = installTestHooks();
const banner = $('dataset-banner');
let attribute: AttributeId = 'ownership';

function fail(err: unknown): void {
  const message = err instanceof Error ? err.message : String(err);
  hooks.error ??= message;
  renderBannerError(banner, message);
  console.error(err);
}

const map = new MapLibreMap({
  container: 'map',
  style: mapStyle({ origin: location.origin, labelFontUrl: new URL(labelFontPath, location.href).href, attribute }),
  center: ROOSENDAAL_CENTER,
  zoom: 13.5,
  attributionControl: false,
  // MapLibre's control texts (zoom buttons, attribution toggle, popup close) in Dutch.
  locale: MAP_LOCALE_NL,
  // Keeps the canvas readable for pixel checks and screenshots.
  canvasContextAttributes: { preserveDrawingBuffer: true },
});
hooks.map = map;
map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
const mapLoaded = new Promise<void>((resolve) => map.once('load', () => resolve()));

const healthP = getJson('/api/health', Health);
const buurtenP = getJson('/api/buurten', Buurten);
const engineP = startEngine();

healthP.then((h) => {
  renderBanner(banner, h);
  // Compact: a small (i) button that opens on demand, so the attribution never covers a popup or the map.
  map.addControl(new AttributionControl({ compact: true, customAttribution: h.dataset.attribution }), 'bottom-right');
}, fail);

const buurtNames = buurtenP.then(
  (b) => new Map(b.features.map((f) => [f.properties.buurtcode, f.properties.buurtnaam])),
);
const statsView = createStatsView({ legend: $('legend'), panel: $('buurt-panel'), engine: engineP, buurtNames, hooks });

renderAttributeSwitcher($('attribute-switcher'), attribute, (id) => {
  attribute = id;
  map.setPaintProperty(DWELLINGS_LAYER, 'circle-color', statsView.colorExpression(id));
  void statsView.show(id);
});

// Settles when the first view is complete (below); what the first view does not show waits for it.
let firstViewDone!: () => void;
const firstViewSettled = new Promise<void>((resolve) => (firstViewDone = resolve));
// Retrofit layers, filters and weights ("Verduurzaming"), and their part of the dwelling popup.
const retrofit = installRetrofit({
  map,
  mapLoaded,
  baseSwitcher: $('attribute-switcher'),
  root: $('retrofit'),
  baseElements: [$('legend'), $('buurt-panel')],
  baseLayer: DWELLINGS_LAYER,
  buurtNames,
  engine: engineP,
  startAfter: firstViewSettled,
  hooks,
});
installDwellingPopup(map, buurtNames, { extend: retrofit.popupSection });
// Search (address, postcode, street, buurt) and the buurt card, opened by a search or a click on a buurt.
const buurtCard = createBuurtCard({
  map,
  root: $('buurt-card'),
  buurten: buurtenP,
  engine: engineP,
  priority: (code) => retrofit.buurtPriority(code),
});
const openBuurt = (code: string, zoom: boolean): void => {
  void buurtCard.open(code, zoom).catch(fail);
};
hooks.search = installSearch(map, $('search'), (code) => openBuurt(code, false));
void mapLoaded.then(() => installBuurtClick(map, (code) => openBuurt(code, true)));
// The layer list: a row per layer once the module drawing it has put it on the map.
const layerList = createLayerList(map, $('layer-list'));
void mapLoaded.then(() => addBaseRows(layerList, retrofit));

async function init(): Promise<void> {
  const [buurten] = await Promise.all([buurtenP, mapLoaded]);
  map.getSource<GeoJSONSource>(BUURT_LABELS_SOURCE)?.setData(buurtLabelPoints(buurten));
  const bounds = focusBounds(buurten);
  if (bounds) map.fitBounds(bounds, { padding: 40, animate: false });
  await Promise.all([healthP, statsView.show(attribute)]);
  hooks.ready = true;
}
// The progress bar stays until the first view is complete: statistics drawn and every tile of the view loaded.
const progress = $('map-progress');
const firstView = init()
  .then(() =>
    map.loaded() && map.areTilesLoaded() ? undefined : new Promise<void>((r) => map.once('idle', () => r())),
  )
  .then(() => {
    progress.hidden = true;
  })
  .catch((err: unknown) => {
    progress.hidden = true;
    fail(err);
  })
  .finally(() => firstViewDone());

// The panels below load when their section is opened or once the first view is complete (section-loader.ts).
// Safety layer (buurt aggregates) for every role; acquisition layer for roles that may see it.
void loadSection(['veiligheid', 'verwerving'], firstView, async () => {
  const [{ installRoleLayers }, rows] = await Promise.all([
    import('./acquisition/role-layers.ts'),
    import('./layers/overlay-rows.ts'),
  ]);
  await installRoleLayers(map, session, mapLoaded);
  rows.addSafetyRow(layerList, map);
  rows.addAcquisitionRow(layerList, map);
});
// VvE pilot ranking ("VvE-pilot"): every role; export links for the roles that may export.
void loadSection(['vve'], firstView, async () => {
  const [{ installVveLayer }, rows] = await Promise.all([
    import('./vve/vve-layer.ts'),
    import('./layers/overlay-rows.ts'),
  ]);
  await installVveLayer(map, $('vve-panel'), session.user.role, mapLoaded);
  rows.addVveRow(layerList, map);
});
// Batch plans ("Uitvoeringsplan") for the roles that may read them; hidden for the others.
loadSection(['planning'], firstView, async () => {
  const [{ installPlanView }, rows] = await Promise.all([
    import('./plan/plan-view.ts'),
    import('./layers/overlay-rows.ts'),
  ]);
  await installPlanView({ map, mapLoaded, panel: $('plan-panel'), hooks, session });
  rows.addPlanRow(layerList, map);
}).catch((err: unknown) => {
  if (hooks.plan)
    Object.assign(hooks.plan, { state: 'error', error: err instanceof Error ? err.message : String(err) });
  $('plan-panel').textContent = `Uitvoeringsplan niet beschikbaar: ${err instanceof Error ? err.message : String(err)}`;
  $('plan-panel').hidden = false;
});
// Potentiekaart (potential per block for an intervention, block card): every role; export for gemeente and Alwel.
loadSection(['potentie'], firstView, async () => {
  const { addPotentialRow, installPotentialLayer } = await import('./potential/potential-layer.ts');
  addPotentialRow(layerList, map, await installPotentialLayer(map, $('potential-panel'), session.user.role, mapLoaded));
}).catch((err: unknown) => {
  $('potential-panel').textContent =
    `Potentiekaart niet beschikbaar: ${err instanceof Error ? err.message : String(err)}`;
});
// "Scenario tekenen" (blocks, interventions, versions; web/src/scenario-draw). A version link (?versie=N) opens its
// section, which loads it at once.
if (new URLSearchParams(location.search).has('versie')) $('draw-panel').closest('details')?.setAttribute('open', '');
loadSection(['scenario-tekenen'], firstView, async () => {
  const [{ installScenarioDraw }] = await Promise.all([import('./scenario-draw/draw-view.ts'), mapLoaded]);
  await installScenarioDraw({ map, root: $('draw-panel'), role: session.user.role });
}).catch(fail);
