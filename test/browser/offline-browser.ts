import { existsSync } from 'node:fs';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

import { CHROMIUM, CHROMIUM_ARGS } from '../../geodata/exports/headless-chromium.ts';

/** Debian's Chromium; `.ci/run` installs it (never a Playwright browser download). */
export { CHROMIUM };
export const haveChromium = existsSync(CHROMIUM);

export interface OfflineBrowserOptions {
  userDataDir: string;
  /** The only origin requests may go to (plus blob: and data:). */
  origin: string;
  /** Receives every request URL, to assert nothing left the origin. */
  requests?: string[];
  /** Receives uncaught page errors. */
  pageErrors: string[];
  viewport?: { width: number; height: number };
  acceptDownloads?: boolean;
}

/**
 * Headless Chromium pinned to nl-NL and Europe/Amsterdam. Anything leaving the origin is recorded
 * and refused, so a test cannot pass by luck of a reachable network.
 */
export async function launchOfflineBrowser(o: OfflineBrowserOptions): Promise<{ context: BrowserContext; page: Page }> {
  const context = await chromium.launchPersistentContext(o.userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_ARGS],
    viewport: o.viewport ?? { width: 1400, height: 900 },
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    ...(o.acceptDownloads ? { acceptDownloads: true } : {}),
  });
  const requests = o.requests;
  if (requests)
    context.on('request', (r) => {
      requests.push(r.url());
    });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    return url.startsWith(`${o.origin}/`) || url.startsWith('blob:') || url.startsWith('data:')
      ? route.continue()
      : route.abort();
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (e) => {
    o.pageErrors.push(e.message);
  });
  return { context, page };
}

/** Fills and submits the Dutch sign-in form. */
export async function signIn(page: Page, user: string, password: string): Promise<void> {
  await page.locator('#sign-in-user').fill(user);
  await page.locator('#sign-in-password').fill(password);
  await page.getByRole('button', { name: 'Aanmelden' }).click();
}

/** Waits until the map has drawn every tile of the current view. */
export async function waitForMapIdle(page: Page, timeout: number): Promise<void> {
  await page.waitForFunction(
    () => {
      const m = window.__voorraad?.map;
      return !!m && m.loaded() && m.areTilesLoaded() && !m.isMoving();
    },
    undefined,
    { timeout },
  );
}

/** Opens a collapsible sidebar section (Kaart, Verduurzaming, Planning, VvE, Veiligheid, Verwerving) by its data-section. */
export async function openSection(page: Page, section: string): Promise<void> {
  await page.locator(`#side details.side-section[data-section="${section}"]`).evaluate((d) => {
    (d as HTMLDetailsElement).open = true;
  });
}
