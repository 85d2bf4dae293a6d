import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {} from '../../web/src/test-hooks.ts';
import { prepareStateDir, testPassword } from '../api/test-app.ts';
import { CHROMIUM, haveChromium, launchOfflineBrowser, signIn, waitForMapIdle } from './offline-browser.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SCREENSHOT = join(ROOT, 'test-results', 'map.png');
const SYNTHETIC_WARNING = 'Synthetische gegevens — geen echte woningen, adressen of eigenaren';
const OWNERSHIP = ['eigenaar-bewoner', 'corporatie', 'particuliere verhuur', 'overig'];
const LABELS = ['A++++', 'A+++', 'A++', 'A+', 'A', 'B', 'C', 'D', 'E', 'F', 'G'];
const TIMEOUT = 60_000;

// Locally a machine without Chromium skips; in CI a missing browser is a failure, not a skip.
const skip = !haveChromium && !process.env.CI;
if (skip) console.warn(`map.browser.test: skipped, ${CHROMIUM} is missing (apt-get install -y chromium)`);

interface ServerHandle {
  child: ChildProcess;
  origin: string;
}

/** Starts the product server on a free port and resolves with the origin it prints. */
function startServer(stateDir: string): Promise<ServerHandle> {
  const child = spawn(process.execPath, ['bin/voorraad.js', 'serve', '--port', '0'], {
    cwd: ROOT,
    // Its own state directory with the test accounts, never the repository's .voorraad/.
    env: { ...process.env, TZ: 'Europe/Amsterdam', VOORRAAD_STATE_DIR: stateDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not print its URL within 150 s:\n${output}`)), 150_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const m = /voorraad: (http:\/\/[^\s/]+)\//.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve({ child, origin: m[1]! });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (c: Buffer) => {
      output += c.toString();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

async function legendEntries(page: Page): Promise<{ label: string; count: string }[]> {
  return page.$$eval('#legend li', (lis) =>
    lis.map((li) => ({
      label: li.querySelector('.legend-label')?.textContent ?? '',
      count: li.querySelector('.legend-count')?.textContent ?? '',
    })),
  );
}

const parseNl = (s: string): number => Number(s.replace(/\./g, '').replace(',', '.'));

describe.skipIf(skip)('map in a headless browser', () => {
  let server: ServerHandle | undefined;
  let token = '';
  let context: BrowserContext | undefined;
  let userDataDir: string | undefined;
  let page: Page;
  const requests: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    if (!haveChromium) throw new Error(`${CHROMIUM} is missing: CI must run apt-get install -y chromium`);
    // web/dist is the app as it is now: the slow project's global setup (build-web.ts) built it for this run.
    const state = await prepareStateDir(mkdtempSync(join(tmpdir(), 'voorraad-state-')));
    token = state.tokens.gemeente;
    server = await startServer(state.dir);
    userDataDir = mkdtempSync(join(tmpdir(), 'voorraad-chromium-'));
    ({ context, page } = await launchOfflineBrowser({ userDataDir, origin: server.origin, requests, pageErrors }));
    await page.goto(`${server.origin}/`);
    // An unauthenticated browser gets the sign-in page first.
    await signIn(page, 'gemeente', testPassword('gemeente'));
    await page.waitForFunction(() => window.__voorraad?.ready === true || window.__voorraad?.error != null, undefined, {
      timeout: TIMEOUT,
    });
    const error = await page.evaluate(() => window.__voorraad?.error ?? null);
    if (error) throw new Error(`app failed to load: ${error}`);
    await waitForMapIdle(page, TIMEOUT);
  }, 240_000);

  afterAll(async () => {
    await context?.close();
    if (server) await stopServer(server.child);
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  }, 30_000);

  it(
    'renders the dwellings and the buurt labels',
    async () => {
      // Symbol placement (collision index) can settle a frame after the map reports idle.
      await page
        .waitForFunction(
          () =>
            window
              .__voorraad!.map!.queryRenderedFeatures({ layers: ['buurt-labels'] })
              .some((f) => f.properties.buurtnaam === 'Kalsdonk'),
          undefined,
          { timeout: 15_000 },
        )
        .catch(() => undefined);
      const counts = await page.evaluate(() => {
        const m = window.__voorraad!.map!;
        return {
          dwellings: m.queryRenderedFeatures({ layers: ['dwellings'] }).length,
          labels: m.queryRenderedFeatures({ layers: ['buurt-labels'] }).map((f) => String(f.properties.buurtnaam)),
          buurten: m.queryRenderedFeatures({ layers: ['buurten-fill'] }).length,
        };
      });
      expect(counts.dwellings).toBeGreaterThan(100);
      expect(counts.buurten).toBeGreaterThan(0);
      expect(counts.labels).toContain('Kalsdonk');
    },
    TIMEOUT,
  );

  it(
    'shows the synthetic-data banner with the data date',
    async () => {
      const banner = page.locator('#dataset-banner');
      await expect.poll(() => banner.textContent()).toContain(SYNTHETIC_WARNING);
      expect(await banner.isVisible()).toBe(true);
      const health = (await (await fetch(`${server!.origin}/api/health`)).json()) as {
        dataset: { synthetic: boolean; dataDate: string; attribution: string[] };
      };
      expect(health.dataset.synthetic).toBe(true);
      const [y, mo, d] = health.dataset.dataDate.split('-').map(Number);
      const dutchDate = new Intl.DateTimeFormat('nl-NL', {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      }).format(new Date(Date.UTC(y!, mo! - 1, d!)));
      expect(await banner.textContent()).toContain(dutchDate);
      const attribution = await page.locator('.maplibregl-ctrl-attrib').textContent();
      for (const line of health.dataset.attribution) expect(attribution).toContain(line);
    },
    TIMEOUT,
  );

  it(
    'lists the ownership categories in Dutch with counts that add up to the dataset',
    async () => {
      const entries = await legendEntries(page);
      expect(entries.map((e) => e.label)).toEqual(OWNERSHIP);
      const total = await page.evaluate(() => window.__voorraad!.lastStats!.total);
      expect(entries.reduce((a, e) => a + parseNl(e.count), 0)).toBe(total);
      expect(total).toBeGreaterThan(100);
    },
    TIMEOUT,
  );

  it(
    'shows buurt statistics computed by the engine worker, equal to the server engine',
    async () => {
      expect(page.workers().some((w) => w.url().includes('engine.web-worker'))).toBe(true);
      const panel = page.locator('#buurt-panel');
      expect(await panel.getAttribute('data-state')).toBe('ready');
      const fromPage = await page.$$eval('#buurt-panel .buurt', (els) =>
        els.map((el) => ({
          code: (el as HTMLElement).dataset.buurtcode ?? '',
          total: el.querySelector('.buurt-total')?.textContent ?? '',
          shares: el.querySelector('.shares')?.textContent ?? '',
        })),
      );
      expect(fromPage.map((b) => b.code)).toContain('BU16740202');
      for (const b of fromPage) expect(b.shares).toMatch(/\d,\d%/);
      const res = await fetch(`${server!.origin}/api/stats?groupBy=buurt,ownership`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const serverStats = (await res.json()) as { rows: { key: { buurt: string }; count: number }[] };
      const serverTotals = new Map<string, number>();
      for (const r of serverStats.rows) serverTotals.set(r.key.buurt, (serverTotals.get(r.key.buurt) ?? 0) + r.count);
      expect(new Map(fromPage.map((b) => [b.code, parseNl(b.total.replace(/\s*woningen$/, ''))]))).toEqual(
        serverTotals,
      );
      const workerGroupBy = await page.evaluate(() => window.__voorraad!.lastStats!.groupBy);
      expect(workerGroupBy).toEqual(['buurt', 'ownership']);
    },
    TIMEOUT,
  );

  it(
    'switches the legend and the panel to Energielabel',
    async () => {
      await page.getByLabel('Energielabel').check();
      await page.waitForFunction(
        () => {
          const s = window.__voorraad?.lastStats;
          return (
            document.querySelector('#buurt-panel')?.getAttribute('data-state') === 'ready' && s?.groupBy[1] === 'label'
          );
        },
        undefined,
        { timeout: TIMEOUT },
      );
      const entries = await legendEntries(page);
      expect(entries.map((e) => e.label)).toEqual(LABELS);
      expect(await page.locator('#legend h2').textContent()).toBe('Energielabel');
      expect(entries.every((e) => /^[\d.]+$/.test(e.count))).toBe(true);
      const paint = await page.evaluate(() =>
        JSON.stringify(window.__voorraad!.map!.getPaintProperty('dwellings', 'circle-color')),
      );
      expect(paint).toContain('"label"');
      await waitForMapIdle(page, TIMEOUT);
    },
    TIMEOUT,
  );

  it(
    'opens a Dutch popup when a dwelling is clicked',
    async () => {
      const target = await page.evaluate(() => {
        const m = window.__voorraad!.map!;
        const canvas = m.getCanvas().getBoundingClientRect();
        const centre = { x: canvas.width / 2, y: canvas.height / 2 };
        const points = m
          .queryRenderedFeatures({ layers: ['dwellings'] })
          .filter((f) => f.geometry.type === 'Point')
          .map((f) => m.project(f.geometry.type === 'Point' ? (f.geometry.coordinates as [number, number]) : [0, 0]))
          .filter((p) => p.x > 20 && p.y > 20 && p.x < canvas.width - 20 && p.y < canvas.height - 20)
          .sort((a, b) => Math.hypot(a.x - centre.x, a.y - centre.y) - Math.hypot(b.x - centre.x, b.y - centre.y));
        const p = points[0];
        return p ? { x: canvas.left + p.x, y: canvas.top + p.y } : null;
      });
      expect(target).not.toBeNull();
      await page.mouse.click(target!.x, target!.y);
      // Where dwellings overlap at this zoom the popup first asks which one (layers.browser.test covers the picker).
      const picker = page.locator('.maplibregl-popup .dwelling-picker');
      const popup = page.locator('.maplibregl-popup .dwelling-popup:not(.dwelling-picker)');
      await popup.or(picker).first().waitFor({ state: 'visible', timeout: TIMEOUT });
      if (await picker.isVisible()) await picker.locator('button.picker-choice').first().click();
      await popup.waitFor({ state: 'visible', timeout: TIMEOUT });
      const text = await popup.textContent();
      for (const label of [
        'Bouwjaar',
        'Gebruiksoppervlakte',
        'Eigendom',
        'Energielabel',
        'WOZ-klasse',
        'BAG verblijfsobject-id',
      ]) {
        expect(text).toContain(label);
      }
      expect(text).toMatch(/m²/);
      mkdirSync(join(ROOT, 'test-results'), { recursive: true });
      await page.screenshot({ path: SCREENSHOT });
    },
    TIMEOUT,
  );

  it('requested nothing outside its own origin and threw no page errors', () => {
    expect(requests.length).toBeGreaterThan(5);
    const external = requests.filter(
      (u) => !u.startsWith(`${server!.origin}/`) && !u.startsWith('blob:') && !u.startsWith('data:'),
    );
    expect(external).toEqual([]);
    expect(requests.some((u) => u.includes('/tiles/dwellings.pmtiles'))).toBe(true);
    expect(requests.some((u) => u.includes('/tiles/basemap.pmtiles'))).toBe(true);
    expect(pageErrors).toEqual([]);
  });
});
