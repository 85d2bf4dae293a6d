/**
 * Sign-in to a usable map (first dwellings drawn) and to map idle, in Debian's headless Chromium, against a bare
 * MapLibre page drawing the same dwelling tiles from the same server, interleaved (product, bare, product, …);
 * medians of 5. The product server runs as a child process with its own state directory.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { ensureShippedDataset } from '../geodata/shipped.ts';
import { median, type BenchFigure } from './measure.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'voorraad.js');
const RUNS = 5;
// The flags of test/browser/offline-browser.ts (tech-notes "Headless browser tests").
const ARGS = ['--headless', '--no-sandbox', '--enable-unsafe-swiftshader', '--disable-background-networking'];
const ARGS_MORE = ['--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
const MAPLIBRE_DIST = join(ROOT, 'node_modules', 'maplibre-gl', 'dist');

/** The bare page: MapLibre and the pmtiles protocol, the dwellings archive as circles, nothing else. */
const BARE_HTML = `<!doctype html><html><head><link rel="stylesheet" href="/bare/maplibre-gl.css"></head>
<body style="margin:0"><div id="map" style="width:1110px;height:860px"></div>
<script src="/bare/pmtiles.js"></script>
<script type="module">
import { Map, addProtocol, setWorkerUrl } from '/bare/maplibre-gl.mjs';
setWorkerUrl('/bare/maplibre-gl-worker.mjs');
addProtocol('pmtiles', new pmtiles.Protocol().tile);
const map = new Map({ container: 'map', center: [4.455, 51.537], zoom: 13.5, style: { version: 8, sources: {
  d: { type: 'vector', url: 'pmtiles://' + location.origin + '/tiles/dwellings.pmtiles' } },
  layers: [{ id: 'dwellings', type: 'circle', source: 'd', 'source-layer': 'dwellings', paint: { 'circle-radius': 3 } }] } });
window.__bare = map;
</script></body></html>`;

const BARE_FILES: Record<string, { path: string; type: string }> = {
  'maplibre-gl.mjs': { path: join(MAPLIBRE_DIST, 'maplibre-gl.mjs'), type: 'text/javascript' },
  'maplibre-gl-shared.mjs': { path: join(MAPLIBRE_DIST, 'maplibre-gl-shared.mjs'), type: 'text/javascript' },
  'maplibre-gl-worker.mjs': { path: join(MAPLIBRE_DIST, 'maplibre-gl-worker.mjs'), type: 'text/javascript' },
  'maplibre-gl.css': { path: join(MAPLIBRE_DIST, 'maplibre-gl.css'), type: 'text/css' },
  'pmtiles.js': { path: join(ROOT, 'node_modules', 'pmtiles', 'dist', 'pmtiles.js'), type: 'text/javascript' },
};

function startServer(stateDir: string): Promise<{ child: ChildProcess; origin: string }> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0'], {
    cwd: ROOT,
    env: { ...process.env, VOORRAAD_STATE_DIR: stateDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /voorraad: (http:\/\/[^\s/]+)\//.exec(out);
      if (m) resolve({ child, origin: m[1]! });
    });
    child.once('exit', (code) => reject(new Error(`voorraad serve exited with ${code}`)));
  });
}

async function productRun(
  browser: Browser,
  origin: string,
  password: string,
): Promise<{ usable: number; idle: number }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'nl-NL' });
  try {
    const page = await context.newPage();
    await page.goto(`${origin}/`);
    await page.locator('#sign-in-user').fill('gemeente');
    await page.locator('#sign-in-password').fill(password);
    const t0 = performance.now();
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await page.waitForFunction(
      () => (window.__voorraad?.map?.queryRenderedFeatures({ layers: ['dwellings'] }).length ?? 0) > 0,
      undefined,
      { timeout: 120_000, polling: 20 },
    );
    const usable = performance.now() - t0;
    await page.waitForFunction(
      () => {
        const m = window.__voorraad?.map;
        return window.__voorraad?.ready === true && !!m && m.loaded() && m.areTilesLoaded();
      },
      undefined,
      { timeout: 120_000, polling: 20 },
    );
    return { usable, idle: performance.now() - t0 };
  } finally {
    await context.close();
  }
}

async function bareRun(
  browser: Browser,
  origin: string,
  cookies: Parameters<Browser['newContext']>[0],
): Promise<{ usable: number; idle: number }> {
  const context = await browser.newContext(cookies);
  try {
    await context.route(`${origin}/bare/**`, (route) => {
      const name = new URL(route.request().url()).pathname.replace('/bare/', '');
      if (name === 'index.html') return route.fulfill({ body: BARE_HTML, contentType: 'text/html' });
      const f = BARE_FILES[name];
      return f ? route.fulfill({ body: readFileSync(f.path), contentType: f.type }) : route.abort();
    });
    const page = await context.newPage();
    const t0 = performance.now();
    await page.goto(`${origin}/bare/index.html`);
    await page.waitForFunction(
      () =>
        ((window as unknown as { __bare?: import('maplibre-gl').Map }).__bare?.queryRenderedFeatures({
          layers: ['dwellings'],
        }).length ?? 0) > 0,
      undefined,
      { timeout: 120_000, polling: 20 },
    );
    const usable = performance.now() - t0;
    await page.waitForFunction(
      () => {
        const m = (window as unknown as { __bare?: import('maplibre-gl').Map }).__bare;
        return !!m && m.loaded() && m.areTilesLoaded();
      },
      undefined,
      { timeout: 120_000, polling: 20 },
    );
    return { usable, idle: performance.now() - t0 };
  } finally {
    await context.close();
  }
}

export async function benchMapFirstView(): Promise<BenchFigure[]> {
  ensureShippedDataset();
  const stateDir = mkdtempSync(join(tmpdir(), 'voorraad-mapbench-'));
  const { child, origin } = await startServer(stateDir);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: [...ARGS, ...ARGS_MORE] });
  try {
    const reset = spawnSync(process.execPath, [BIN, 'user', 'password', 'gemeente', '--state-dir', stateDir], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    const password = /gemeente: (\S+)/.exec(reset.stdout)?.[1];
    if (!password) throw new Error(`voorraad user password failed: ${reset.stderr}`);
    // The bare page needs the same session cookie for the tiles: sign in once through the API.
    const signIn = await fetch(`${origin}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin },
      body: JSON.stringify({ username: 'gemeente', password }),
    });
    const cookie = /voorraad_sessie=([^;]+)/.exec(signIn.headers.get('set-cookie') ?? '')?.[1];
    if (!cookie) throw new Error(`sign-in for the bare page failed: HTTP ${signIn.status}`);
    const bareContext = {
      storageState: {
        cookies: [
          {
            name: 'voorraad_sessie',
            value: cookie,
            domain: new URL(origin).hostname,
            path: '/',
            expires: -1,
            httpOnly: true,
            secure: false,
            sameSite: 'Strict' as const,
          },
        ],
        origins: [],
      },
    };
    await productRun(browser, origin, password); // warm-up: web app and tiles in the OS cache
    const product: { usable: number; idle: number }[] = [];
    const bare: { usable: number; idle: number }[] = [];
    for (let i = 0; i < RUNS; i++) {
      product.push(await productRun(browser, origin, password));
      bare.push(await bareRun(browser, origin, bareContext));
    }
    const fig = (what: 'usable' | 'idle', name: string): BenchFigure => {
      const ms = median(product.map((r) => r[what]));
      const baselineMs = median(bare.map((r) => r[what]));
      return {
        name,
        ms,
        baselineName: 'bare MapLibre page, same dwelling tiles',
        baselineMs,
        ratio: ms / baselineMs,
        runs: RUNS,
      };
    };
    return [
      fig('usable', 'Sign-in to usable map (first dwellings drawn), headless Chromium'),
      fig('idle', 'Sign-in to map idle (tiles loaded, statistics drawn), headless Chromium'),
    ];
  } finally {
    await browser.close();
    child.kill('SIGTERM');
    rmSync(stateDir, { recursive: true, force: true });
  }
}

// `npx tsx bench/map-first-view.ts`: this bench alone.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const f of await benchMapFirstView())
    console.log(
      `${f.name}: ${f.ms.toFixed(0)} ms (median of ${f.runs}) vs ${f.baselineName}: ${f.baselineMs.toFixed(0)} ms → ratio ${f.ratio.toFixed(2)}`,
    );
}
