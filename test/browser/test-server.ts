import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, type ServerType } from '@hono/node-server';
import type { BrowserContext, Page } from 'playwright-core';
import { WEB_DIST } from '../../cli/ensure-web.ts';
import { readDataset } from '../../geodata/dataset-store.ts';
import { SHIPPED_DATASET, ensureShippedDataset, ensureTiles } from '../../geodata/shipped.ts';
import { createApp } from '../../server/app.ts';
import type { Role } from '../../server/auth/roles.ts';
import type { SecurityContext } from '../../server/auth/security-context.ts';
import { loadDatasetIntoMemory } from '../../server/loaded-dataset.ts';
import { createEngineService } from '../../workers/engine-service.ts';
import { startPlannerWorker } from '../../workers/planner-node.ts';
import type {} from '../../web/src/test-hooks.ts';
import { sessionFor, testPassword, testSecurity } from '../api/test-app.ts';
import { CHROMIUM, haveChromium, launchOfflineBrowser, signIn } from './offline-browser.ts';

/** The repository root (for test-results/ and the Vite config). */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Whether a browser test file skips: locally a machine without Chromium skips (with a warning naming the file);
 * in CI a missing browser is a failure, not a skip (startBrowserApp throws).
 */
export function skipWithoutChromium(testName: string): boolean {
  const skip = !haveChromium && !process.env.CI;
  if (skip) console.warn(`${testName}: skipped, ${CHROMIUM} is missing (apt-get install -y chromium)`);
  return skip;
}

export interface BrowserAppOptions {
  /** Names the test file in messages. */
  name: string;
  /** Start the real planner worker (HiGHS in a worker thread) and save plans against the shipped GeoPackage. */
  planner?: boolean;
  viewport?: { width: number; height: number };
  acceptDownloads?: boolean;
  /**
   * How the browser gets signed in before the tests: `form` fills the Dutch sign-in page as `user` and waits until
   * the map app is ready (throwing its error), `cookie` sets a session cookie for `user` before the first page
   * is opened; absent leaves the browser unauthenticated on the sign-in page.
   */
  signIn?: { via: 'form' | 'cookie'; user: Role };
  /** The page opened first; default `/`. */
  path?: string;
  /** Timeout for waiting on the app after signing in. */
  timeout: number;
}

export interface BrowserApp {
  origin: string;
  /** Every request URL the browser made, to assert nothing left the origin (see externalRequests). */
  requests: string[];
  /** Uncaught page errors. */
  pageErrors: string[];
  security: SecurityContext;
  context: BrowserContext;
  page: Page;
  /** Closes the browser, the server and the planner worker and removes the temporary directories. */
  close(): Promise<void>;
}

/**
 * The product's app in process over the shipped dataset with the test accounts, serving web/dist as built once per
 * run by the `slow` project's global setup (test/browser/build-web.ts), on a free port, with an offline headless
 * Chromium opened on it. When anything fails half-way, what was started is
 * stopped again before the error is rethrown.
 */
export async function startBrowserApp(o: BrowserAppOptions): Promise<BrowserApp> {
  if (!haveChromium) throw new Error(`${CHROMIUM} is missing: CI must run apt-get install -y chromium`);
  const cleanups: (() => Promise<void> | void)[] = [];
  const close = async (): Promise<void> => {
    // Last started, first stopped: the browser before the server it talks to. One failing step does not keep the
    // others from running; the first failure is rethrown.
    const failures: unknown[] = [];
    for (const cleanup of cleanups.splice(0).reverse()) {
      try {
        await cleanup();
      } catch (err) {
        failures.push(err);
      }
    }
    if (failures.length > 0) throw failures[0] instanceof Error ? failures[0] : new Error(String(failures[0]));
  };
  try {
    const planner = o.planner ? startPlannerWorker() : undefined;
    if (planner) cleanups.push(() => planner.terminate());

    ensureShippedDataset();
    const ds = readDataset(SHIPPED_DATASET);
    const tiles = ensureTiles(SHIPPED_DATASET, ds);
    const data = loadDatasetIntoMemory(ds);
    const engine = createEngineService();
    await engine.load(data.columns);
    const sec = await testSecurity(ds);
    const app = createApp({
      data,
      engine,
      version: 'test',
      tilesDir: tiles.dir,
      webDir: WEB_DIST,
      ...sec,
      ...(planner ? { planner, plans: { datasetPath: SHIPPED_DATASET } } : {}),
    });
    const server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
    });
    cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    const userDataDir = mkdtempSync(join(tmpdir(), 'voorraad-chromium-'));
    cleanups.push(() => rmSync(userDataDir, { recursive: true, force: true }));
    const requests: string[] = [];
    const pageErrors: string[] = [];
    const { context, page } = await launchOfflineBrowser({
      userDataDir,
      origin,
      requests,
      pageErrors,
      ...(o.viewport ? { viewport: o.viewport } : {}),
      ...(o.acceptDownloads ? { acceptDownloads: true } : {}),
    });
    cleanups.push(() => context.close());
    // The cookie the sign-in page would set, for pages that have no sign-in form of their own.
    if (o.signIn?.via === 'cookie')
      await context.addCookies([
        { name: 'voorraad_sessie', value: sessionFor(sec.security, o.signIn.user), url: origin },
      ]);
    await page.goto(`${origin}${o.path ?? '/'}`);
    if (o.signIn?.via === 'form') {
      // An unauthenticated browser gets the sign-in page first (as in map.browser.test).
      await signIn(page, o.signIn.user, testPassword(o.signIn.user));
      await page.waitForFunction(
        () => window.__voorraad?.ready === true || window.__voorraad?.error != null,
        undefined,
        { timeout: o.timeout },
      );
      const error = await page.evaluate(() => window.__voorraad?.error ?? null);
      if (error) throw new Error(`app failed to load: ${error}`);
    }
    return { origin, requests, pageErrors, security: sec.security, context, page, close };
  } catch (err) {
    // The failure that stopped the start-up is the one to report, not a later one while cleaning up after it.
    await close().catch(() => undefined);
    throw err;
  }
}

/** Request URLs that left the app's origin (blob: and data: are the page's own). */
export function externalRequests(requests: readonly string[], origin: string): string[] {
  return requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('blob:') && !u.startsWith('data:'));
}
