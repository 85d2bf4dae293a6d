import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, type ServerType } from '@hono/node-server';
import type { BrowserContext, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDataset } from '../../geodata/dataset-store.ts';
import { SHIPPED_DATASET, ensureShippedDataset, ensureTiles } from '../../geodata/shipped.ts';
import { createApp } from '../../server/app.ts';
import { loadDatasetIntoMemory } from '../../server/loaded-dataset.ts';
import { createEngineService } from '../../workers/engine-service.ts';
import { startPlannerWorker, type PlannerWorker } from '../../workers/planner-node.ts';
import type {} from '../../web/src/test-hooks.ts';
import type {} from '../../web/src/plan/plan-hooks.ts';
import { testPassword, testSecurity } from '../api/test-app.ts';
import { CHROMIUM, haveChromium, launchOfflineBrowser, signIn, waitForMapIdle } from './offline-browser.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SCREENSHOT = join(ROOT, 'test-results', 'plan.png');
const TIMEOUT = 120_000;
const LAYER = 'plan-dwellings';

// Locally a machine without Chromium skips; in CI a missing browser is a failure, not a skip.
const skip = !haveChromium && !process.env.CI;
if (skip) console.warn(`plan.browser.test: skipped, ${CHROMIUM} is missing (apt-get install -y chromium)`);

/**
 * The product's app over the shipped dataset with the test accounts and the real planner worker (HiGHS in a
 * worker thread, reading the shipped GeoPackage), serving the web app built into its own directory.
 */
async function startApp(webDir: string, planner: PlannerWorker): Promise<{ server: ServerType; origin: string }> {
  ensureShippedDataset();
  const ds = readDataset(SHIPPED_DATASET);
  const tiles = ensureTiles(SHIPPED_DATASET, ds);
  const data = loadDatasetIntoMemory(ds);
  const engine = createEngineService();
  await engine.load(data.columns);
  const app = createApp({ data, engine, version: 'test', tilesDir: tiles.dir, webDir, ...await testSecurity(ds), planner, plans: { datasetPath: SHIPPED_DATASET } });
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

const planHooks = (page: Page) => page.evaluate(() => ({ ...window.__voorraad!.plan! }));

describe.skipIf(skip)('plan panel in a headless browser (vhf)', () => {
  let app: { server: ServerType; origin: string } | undefined;
  let planner: PlannerWorker | undefined;
  let context: BrowserContext | undefined;
  let userDataDir: string | undefined;
  let webDir: string | undefined;
  let page: Page;
  const requests: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    if (!haveChromium) throw new Error(`${CHROMIUM} is missing: CI must run apt-get install -y chromium`);
    webDir = mkdtempSync(join(tmpdir(), 'voorraad-web-'));
    planner = startPlannerWorker();
    await build({ configFile: join(ROOT, 'web/vite.config.ts'), logLevel: 'warn', build: { outDir: webDir, emptyOutDir: true } });
    app = await startApp(webDir, planner);
    userDataDir = mkdtempSync(join(tmpdir(), 'voorraad-chromium-'));
    ({ context, page } = await launchOfflineBrowser({ userDataDir, origin: app.origin, requests, pageErrors }));
    await page.goto(`${app.origin}/`);
    await signIn(page, 'vhf', testPassword('vhf'));
    await page.waitForFunction(() => window.__voorraad?.ready === true || window.__voorraad?.error != null, undefined, { timeout: TIMEOUT });
    const error = await page.evaluate(() => window.__voorraad?.error ?? null);
    if (error) throw new Error(`app failed to load: ${error}`);
    await page.waitForFunction(() => window.__voorraad?.plan?.state === 'ready' || window.__voorraad?.plan?.state === 'error', undefined, { timeout: TIMEOUT });
    const planError = await page.evaluate(() => window.__voorraad?.plan?.error ?? null);
    if (planError) throw new Error(`plan panel failed to load: ${planError}`);
  }, 300_000);

  afterAll(async () => {
    await context?.close();
    await new Promise<void>((resolve) => (app ? app.server.close(() => resolve()) : resolve()));
    await planner?.terminate();
    for (const dir of [userDataDir, webDir]) if (dir) rmSync(dir, { recursive: true, force: true });
  }, 30_000);

  it('shows the plan panel in Dutch with the create form and no saved plans yet', async () => {
    const panel = page.locator('#plan-panel');
    expect(await panel.isVisible()).toBe(true);
    expect(await panel.locator('h2').textContent()).toBe('Uitvoeringsplan');
    for (const label of ['Naam', 'Budget (€)', 'Einddatum', 'Capaciteit (woningen per seizoen)', 'Rekenmethode']) {
      expect(await panel.getByLabel(label, { exact: true }).count(), label).toBe(1);
    }
    expect(await panel.getByLabel('Budget (€)').inputValue()).toBe('8.400.000');
    expect(await panel.textContent()).toContain('Nog geen opgeslagen plannen.');
    expect(await panel.textContent()).toContain('Synthetische gegevens');
  }, TIMEOUT);

  it('makes a plan: batches on the map coloured by season, a timeline and totals against the budget', async () => {
    const panel = page.locator('#plan-panel');
    await panel.getByLabel('Naam', { exact: true }).fill('Browserproef');
    // Greedy keeps this test short (the MIP runs up to the API's 30 s limit on this stock); the route and panel are the same.
    await panel.getByLabel('Rekenmethode').selectOption('greedy');
    await panel.getByRole('button', { name: 'Plan maken' }).click();
    await page.waitForFunction(() => {
      const h = window.__voorraad?.plan;
      return !!h && !h.busy && (h.planId !== null || h.error !== null);
    }, undefined, { timeout: TIMEOUT });
    const h = await planHooks(page);
    expect(h.error).toBeNull();
    expect(h.planId).toBe(1);
    expect(h.batches).toBeGreaterThan(0);
    expect(h.dwellings).toBeGreaterThan(0);
    expect(h.seasons.length).toBeGreaterThan(0);
    console.log(`plan 1: ${h.dwellings} dwellings in ${h.batches} batches over ${h.seasons.length} seasons (${h.seasons[0]} … ${h.seasons.at(-1)})`);

    // Timeline: one bar per planned season, in the season's colour, plus the budget line.
    const bars = await page.$$eval('#plan-panel .plan-timeline .timeline-bar', (gs) => gs.map((g) => ({ season: g.getAttribute('data-season'), fill: g.querySelector('rect')?.getAttribute('fill') })));
    expect(bars.map((b) => b.season)).toEqual(h.seasons);
    expect(new Set(bars.map((b) => b.fill)).size).toBe(h.seasons.length);
    expect(await page.locator('#plan-panel .plan-timeline .timeline-budget').count()).toBe(1);
    const legend = await page.$$eval('#plan-panel .plan-season-legend li', (ls) => ls.map((l) => l.textContent ?? ''));
    expect(legend).toHaveLength(h.seasons.length);
    expect(legend[0]).toMatch(/^(voorjaar|najaar) \d{4}[\d.]+ woningen$/);
    const totals = (await page.locator('#plan-panel .plan-totals').textContent()) ?? '';
    expect(totals).toMatch(/Programmabijdrage €\s[\d.]+ van €\s8\.400\.000 budget \(\d+,\d%\)/);
    expect(totals).toMatch(/[\d.]+ woningen in [\d.]+ batches/);
    expect(await page.locator('#plan-panel .plan-solver').textContent()).toMatch(/^(MIP \(HiGHS\)|gretige heuristiek), doelwaarde/);
    expect(await page.locator('#plan-panel .plan-list .plan-pick').count()).toBe(1);
    const exports = await page.$$eval('#plan-panel .export-link', (as) => as.map((a) => a.getAttribute('href')));
    expect(exports).toEqual(['/api/plans/1/export?format=csv', '/api/plans/1/export?format=xlsx', '/api/plans/1/export?format=geojson']);

    // Map: the plan layer is visible, its dwellings drawn in their season's colour.
    await waitForMapIdle(page, TIMEOUT);
    const map = await page.evaluate((layer) => {
      const m = window.__voorraad!.map!;
      return {
        visibility: m.getLayoutProperty(layer, 'visibility'),
        colour: JSON.stringify(m.getPaintProperty(layer, 'circle-color')),
        seasons: [...new Set(m.queryRenderedFeatures({ layers: [layer] }).map((f) => String(f.properties.season)))],
        rendered: m.queryRenderedFeatures({ layers: [layer] }).length,
      };
    }, LAYER);
    expect(map.visibility).toBe('visible');
    expect(map.rendered).toBeGreaterThan(0);
    for (const s of map.seasons) expect(h.seasons).toContain(s);
    for (const b of bars) expect(map.colour).toContain(`"${b.season}","${b.fill}"`);
  }, TIMEOUT);

  it('changes the status of a clicked dwelling in the panel', async () => {
    const target = await page.evaluate((layer) => {
      const m = window.__voorraad!.map!;
      const canvas = m.getCanvas().getBoundingClientRect();
      for (const f of m.queryRenderedFeatures({ layers: [layer] })) {
        if (f.geometry.type !== 'Point') continue;
        const p = m.project(f.geometry.coordinates as [number, number]);
        if (p.x < 30 || p.y < 30 || p.x > canvas.width - 30 || p.y > canvas.height - 30) continue;
        const top = m.queryRenderedFeatures([p.x, p.y], { layers: [layer] })[0];
        if (top?.properties.vboId !== f.properties.vboId) continue;
        return { x: canvas.left + p.x, y: canvas.top + p.y, vboId: String(f.properties.vboId) };
      }
      return null;
    }, LAYER);
    expect(target).not.toBeNull();
    await page.mouse.click(target!.x, target!.y);
    const popup = page.locator(`#plan-panel .plan-selected[data-vbo-id="${target!.vboId}"]`);
    await popup.waitFor({ state: 'visible', timeout: TIMEOUT });
    const text = (await popup.textContent()) ?? '';
    for (const label of ['Batch', 'Seizoen', 'Maatregelen', 'Natuurvrij maken vanaf', 'Isoleren', 'Kosten', 'Programmabijdrage', 'Status']) expect(text).toContain(label);
    expect(text).toContain('voorgesteld');
    await popup.getByLabel('Nieuwe status').selectOption('onderzoek');
    await popup.getByLabel('Toelichting').fill('quickscan besteld');
    await popup.getByRole('button', { name: 'Status opslaan' }).click();
    await page.waitForFunction(() => (window.__voorraad?.plan?.statusChanges ?? 0) >= 1 || window.__voorraad?.plan?.error != null, undefined, { timeout: TIMEOUT });
    expect((await planHooks(page)).error).toBeNull();
    expect(await page.locator('#plan-panel .plan-status-counts').textContent()).toContain('ecologisch onderzoek: 1');
    const saved = await page.evaluate(async (id) => {
      const r = await fetch('/api/plans/1');
      const d = (await r.json()) as { statuses: { vboId: string; status: string }[] };
      return d.statuses.find((s) => s.vboId === id)?.status;
    }, target!.vboId);
    expect(saved).toBe('onderzoek');
    mkdirSync(join(ROOT, 'test-results'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
  }, TIMEOUT);

  it('requested nothing outside its own origin and threw no page errors', () => {
    const external = requests.filter((u) => !u.startsWith(`${app!.origin}/`) && !u.startsWith('blob:') && !u.startsWith('data:'));
    expect(external).toEqual([]);
    expect(requests.some((u) => u.includes('/api/plans'))).toBe(true);
    expect(pageErrors).toEqual([]);
  });
});
