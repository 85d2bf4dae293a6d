import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
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
import { splitRestricted } from '../../geodata/synthetic-signals/signal-set.ts';
import { createApp } from '../../server/app.ts';
import type { SecurityContext } from '../../server/auth/security-context.ts';
import { loadDatasetIntoMemory } from '../../server/loaded-dataset.ts';
import { createEngineService } from '../../workers/engine-service.ts';
import type {} from '../../web/src/auth/session-gate.ts';
import type {} from '../../web/src/test-hooks.ts';
import { testPassword, testSecurity } from '../api/test-app.ts';
import { CHROMIUM, haveChromium, launchOfflineBrowser, signIn } from './offline-browser.ts';

/**
 * Sign-in and the role layers in a real browser: the sign-in page for an unauthenticated visitor, the safety
 * layer for every role, the acquisition layer and its export only for roles that may see them.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TIMEOUT = 90_000;
const skip = !haveChromium && !process.env.CI;
if (skip) console.warn(`roles.browser.test: skipped, ${CHROMIUM} is missing (apt-get install -y chromium)`);

async function startApp(webDir: string): Promise<{ server: ServerType; origin: string; security: SecurityContext }> {
  ensureShippedDataset();
  const { dataset } = splitRestricted(readDataset(SHIPPED_DATASET, { restricted: true }));
  const tiles = ensureTiles(SHIPPED_DATASET, dataset);
  const data = loadDatasetIntoMemory(dataset);
  const engine = createEngineService();
  await engine.load(data.columns);
  const sec = await testSecurity(dataset);
  const app = createApp({ data, engine, version: 'test', tilesDir: tiles.dir, webDir, ...sec });
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, security: sec.security };
}


async function waitForLayers(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const a = window.__voorraadAuth;
    return window.__voorraad?.ready === true && a?.safety === 'ready' && a.acquisition !== 'loading' && a.acquisition !== null;
  }, undefined, { timeout: TIMEOUT });
  await page.waitForFunction(() => {
    const m = window.__voorraad?.map;
    return !!m && m.loaded() && m.areTilesLoaded() && !m.isMoving();
  }, undefined, { timeout: TIMEOUT });
}

describe.skipIf(skip)('sign-in and role layers in a headless browser', () => {
  let app: Awaited<ReturnType<typeof startApp>> | undefined;
  let context: BrowserContext | undefined;
  let userDataDir: string | undefined;
  let webDir: string | undefined;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    if (!haveChromium) throw new Error(`${CHROMIUM} is missing: CI must run apt-get install -y chromium`);
    // Its own build directory, so the other browser tests' builds can run at the same time.
    webDir = mkdtempSync(join(tmpdir(), 'voorraad-web-roles-'));
    await build({ configFile: join(ROOT, 'web/vite.config.ts'), logLevel: 'warn', build: { outDir: webDir, emptyOutDir: true } });
    app = await startApp(webDir);
    userDataDir = mkdtempSync(join(tmpdir(), 'voorraad-chromium-'));
    ({ context, page } = await launchOfflineBrowser({ userDataDir, origin: app.origin, pageErrors, acceptDownloads: true }));
    await page.goto(`${app.origin}/`);
  }, 300_000);

  afterAll(async () => {
    await context?.close();
    await new Promise<void>((resolve) => (app ? app.server.close(() => resolve()) : resolve()));
    for (const dir of [userDataDir, webDir]) if (dir) rmSync(dir, { recursive: true, force: true });
  }, 30_000);

  it('shows an unauthenticated visitor the Dutch sign-in page, not the map', async () => {
    await page.locator('#sign-in-user').waitFor({ state: 'visible', timeout: TIMEOUT });
    expect(await page.locator('.sign-in-form h1').textContent()).toBe('voorraad · aanmelden');
    for (const label of ['Gebruikersnaam', 'Wachtwoord']) expect(await page.getByLabel(label).count()).toBe(1);
    expect(await page.locator('#map').isVisible()).toBe(false);
    await expect.poll(() => page.locator('#dataset-banner').textContent()).toContain('Synthetische gegevens');
    expect(await page.evaluate(() => window.__voorraadAuth?.state)).toBe('sign-in');
    const tiles = await page.evaluate(async () => (await fetch('/tiles/dwellings.pmtiles', { headers: { Range: 'bytes=0-6' } })).status);
    expect(tiles).toBe(401);
  }, TIMEOUT);

  it('refuses a wrong password with a Dutch message', async () => {
    await signIn(page, 'viewer', 'fout-wachtwoord');
    await expect.poll(() => page.locator('#sign-in-error').textContent(), { timeout: TIMEOUT }).toBe('Onbekende gebruikersnaam of onjuist wachtwoord.');
  }, TIMEOUT);

  it('gives a viewer the map with the safety layer but no acquisition layer', async () => {
    await signIn(page, 'viewer', testPassword('viewer'));
    await waitForLayers(page);
    expect(await page.evaluate(() => window.__voorraadAuth)).toMatchObject({ state: 'signed-in', role: 'viewer', safety: 'ready', acquisition: 'not-permitted' });
    expect(await page.locator('#user-bar').textContent()).toContain('Meelezer');
    expect(await page.locator('#acquisition-panel').isVisible()).toBe(false);
    const layers = await page.evaluate(() => window.__voorraad!.map!.getStyle().layers.map((l) => l.id));
    expect(layers).toContain('safety-fill');
    expect(layers).not.toContain('acquisition-candidates');
    const safety = await page.locator('#safety-panel').textContent();
    expect(safety).toContain('Adressen met overlastmeldingen');
    expect(safety).toContain('< 10');
    await page.locator('#safety-toggle').check();
    await page.waitForFunction(() => window.__voorraad!.map!.queryRenderedFeatures({ layers: ['safety-fill'] }).length > 0, undefined, { timeout: TIMEOUT });
    const statuses = await page.evaluate(async () => Promise.all(['/api/acquisition/candidates', '/api/signals', '/api/audit'].map(async (p) => (await fetch(p)).status)));
    expect(statuses).toEqual([403, 403, 403]);
  }, TIMEOUT);

  it('signs out back to the sign-in page', async () => {
    await page.getByRole('button', { name: 'Afmelden' }).click();
    await page.locator('#sign-in-user').waitFor({ state: 'visible', timeout: TIMEOUT });
    expect(await page.evaluate(async () => (await fetch('/api/auth/session')).status)).toBe(401);
  }, TIMEOUT);

  it('gives gemeente the acquisition layer with candidates, reasons and an audited export', async () => {
    await signIn(page, 'gemeente', testPassword('gemeente'));
    await waitForLayers(page);
    expect(await page.evaluate(() => window.__voorraadAuth?.acquisition)).toBe('ready');
    const panel = page.locator('#acquisition-panel');
    expect(await panel.isVisible()).toBe(true);
    expect((await panel.locator('.acquisition-budget').textContent())!.replace(/[\u00a0\u202f]/g, ' ')).toMatch(/^Budget € 1\.500\.000 · \d+ woningen geselecteerd/);
    expect(await panel.locator('.acquisition-selected > li').count()).toBeGreaterThan(0);
    expect(await panel.locator('.reasons').first().textContent()).toMatch(/Energielabel|Overlast|Leegstand|corporatie|Gebouwd/);
    expect(await page.evaluate(() => window.__voorraad!.map!.getLayoutProperty('acquisition-candidates', 'visibility'))).toBe('none');
    await page.locator('#acquisition-toggle').check();
    await page.waitForFunction(() => window.__voorraad!.map!.queryRenderedFeatures({ layers: ['acquisition-candidates', 'acquisition-zones-line'] }).length > 0, undefined, { timeout: TIMEOUT });
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: TIMEOUT }), panel.locator('a.export-link[data-format="csv"]').click()]);
    expect(download.suggestedFilename()).toBe('verwervingslijst-2025-01-01-gemeente.csv');
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toContain('Geëxporteerd door;gemeente (rol gemeente, via kaart (sessie))');
    expect(text).toContain('Overlastmeldingen (klasse, 12 mnd)');
    const audit = app!.security.audit.list({ limit: 10, action: 'export' });
    expect(audit[0]).toMatchObject({ actor: 'gemeente', role: 'gemeente', via: 'session', object: 'acquisition:csv', result: 'ok' });
    mkdirSync(join(ROOT, 'test-results'), { recursive: true });
    await page.screenshot({ path: join(ROOT, 'test-results', 'roles.png') });
  }, TIMEOUT);

  it('threw no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
