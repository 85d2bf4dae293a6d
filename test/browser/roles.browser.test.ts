import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {} from '../../web/src/auth/session-gate.ts';
import type {} from '../../web/src/test-hooks.ts';
import { testPassword } from '../api/test-app.ts';
import { openSection, signIn, waitForMapIdle } from './offline-browser.ts';
import { ROOT, skipWithoutChromium, startBrowserApp, type BrowserApp } from './test-server.ts';

/**
 * Sign-in and the role layers in a real browser: the sign-in page for an unauthenticated visitor, the safety
 * layer for every role, the acquisition layer and its export only for roles that may see them.
 */
const TIMEOUT = 90_000;
const skip = skipWithoutChromium('roles.browser.test');

async function waitForLayers(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const a = window.__voorraadAuth;
      return (
        window.__voorraad?.ready === true &&
        a?.safety === 'ready' &&
        a.acquisition !== 'loading' &&
        a.acquisition !== null
      );
    },
    undefined,
    { timeout: TIMEOUT },
  );
  await waitForMapIdle(page, TIMEOUT);
}

describe.skipIf(skip)('sign-in and role layers in a headless browser', () => {
  let app: BrowserApp | undefined;
  let page: Page;

  beforeAll(async () => {
    // Not signed in: the first test looks at the sign-in page an unauthenticated visitor gets.
    app = await startBrowserApp({ name: 'roles', acceptDownloads: true, timeout: TIMEOUT });
    ({ page } = app);
  }, 300_000);

  afterAll(async () => {
    await app?.close();
  }, 30_000);

  it(
    'shows an unauthenticated visitor the Dutch sign-in page, not the map',
    async () => {
      await page.locator('#sign-in-user').waitFor({ state: 'visible', timeout: TIMEOUT });
      expect(await page.locator('.sign-in-form h1').textContent()).toBe('voorraad · aanmelden');
      for (const label of ['Gebruikersnaam', 'Wachtwoord']) expect(await page.getByLabel(label).count()).toBe(1);
      expect(await page.locator('#map').isVisible()).toBe(false);
      await expect.poll(() => page.locator('#dataset-banner').textContent()).toContain('Synthetische gegevens');
      expect(await page.evaluate(() => window.__voorraadAuth?.state)).toBe('sign-in');
      const tiles = await page.evaluate(
        async () => (await fetch('/tiles/dwellings.pmtiles', { headers: { Range: 'bytes=0-6' } })).status,
      );
      expect(tiles).toBe(401);
    },
    TIMEOUT,
  );

  it(
    'refuses a wrong password with a Dutch message',
    async () => {
      await signIn(page, 'viewer', 'fout-wachtwoord');
      await expect
        .poll(() => page.locator('#sign-in-error').textContent(), { timeout: TIMEOUT })
        .toBe('Onbekende gebruikersnaam of onjuist wachtwoord.');
    },
    TIMEOUT,
  );

  it(
    'gives a viewer the map with the safety layer but no acquisition layer',
    async () => {
      await signIn(page, 'viewer', testPassword('viewer'));
      await waitForLayers(page);
      expect(await page.evaluate(() => window.__voorraadAuth)).toMatchObject({
        state: 'signed-in',
        role: 'viewer',
        safety: 'ready',
        acquisition: 'not-permitted',
      });
      expect(await page.locator('#user-bar').textContent()).toContain('Meelezer');
      expect(await page.locator('#acquisition-panel').isVisible()).toBe(false);
      const layers = await page.evaluate(() => window.__voorraad!.map!.getStyle().layers.map((l) => l.id));
      expect(layers).toContain('safety-fill');
      expect(layers).not.toContain('acquisition-candidates');
      await openSection(page, 'veiligheid');
      const safety = await page.locator('#safety-panel').textContent();
      expect(safety).toContain('Adressen met overlastmeldingen');
      expect(safety).toContain('< 10');
      await page.locator('#safety-toggle').check();
      await page.waitForFunction(
        () => window.__voorraad!.map!.queryRenderedFeatures({ layers: ['safety-fill'] }).length > 0,
        undefined,
        { timeout: TIMEOUT },
      );
      const statuses = await page.evaluate(async () =>
        Promise.all(
          ['/api/acquisition/candidates', '/api/signals', '/api/audit'].map(async (p) => (await fetch(p)).status),
        ),
      );
      expect(statuses).toEqual([403, 403, 403]);
    },
    TIMEOUT,
  );

  it(
    'signs out back to the sign-in page',
    async () => {
      await page.getByRole('button', { name: 'Afmelden' }).click();
      await page.locator('#sign-in-user').waitFor({ state: 'visible', timeout: TIMEOUT });
      expect(await page.evaluate(async () => (await fetch('/api/auth/session')).status)).toBe(401);
    },
    TIMEOUT,
  );

  it(
    'gives gemeente the acquisition layer with candidates, reasons and an audited export',
    async () => {
      await signIn(page, 'gemeente', testPassword('gemeente'));
      await waitForLayers(page);
      expect(await page.evaluate(() => window.__voorraadAuth?.acquisition)).toBe('ready');
      await openSection(page, 'verwerving');
      const panel = page.locator('#acquisition-panel');
      expect(await panel.isVisible()).toBe(true);
      expect((await panel.locator('.acquisition-budget').textContent())!.replace(/[\u00a0\u202f]/g, ' ')).toMatch(
        /^Budget € 1\.500\.000 · \d+ woningen geselecteerd/,
      );
      expect(await panel.locator('.acquisition-selected > li').count()).toBeGreaterThan(0);
      // Per zone: the old centre first, with its share of the budget and why; the ordinance in force is named.
      expect(await panel.locator('.acquisition-zones > li').first().textContent()).toMatch(
        /^'t Oude Centrum \(Centrum-Oud\) \(prioriteit 1\): [\d.]+ kandidaten, \d+ geselecteerd, .* van het budget; waarom: /,
      );
      expect(await panel.textContent()).toContain('Huisvestingsverordening Roosendaal 2025');
      expect(await panel.locator('.reasons').first().textContent()).toMatch(
        /Energielabel|Overlast|Leegstand|corporatie|Gebouwd/,
      );
      expect(
        await page.evaluate(() => window.__voorraad!.map!.getLayoutProperty('acquisition-candidates', 'visibility')),
      ).toBe('none');
      await page.locator('#acquisition-toggle').check();
      await page.waitForFunction(
        () =>
          window.__voorraad!.map!.queryRenderedFeatures({
            layers: ['acquisition-candidates', 'acquisition-zones-line'],
          }).length > 0,
        undefined,
        { timeout: TIMEOUT },
      );
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: TIMEOUT }),
        panel.locator('a.export-link[data-format="csv"]').click(),
      ]);
      expect(download.suggestedFilename()).toBe('verwervingslijst-2025-01-01-gemeente.csv');
      const text = readFileSync((await download.path())!, 'utf8');
      expect(text.startsWith('\uFEFF')).toBe(true);
      expect(text).toContain('Geëxporteerd door;gemeente (rol gemeente, via kaart (sessie))');
      expect(text).toContain('Overlastmeldingen (klasse, 12 mnd)');
      const audit = app!.security.audit.list({ limit: 10, action: 'export' });
      expect(audit[0]).toMatchObject({
        actor: 'gemeente',
        role: 'gemeente',
        via: 'session',
        object: 'acquisition:csv',
        result: 'ok',
      });
      mkdirSync(join(ROOT, 'test-results'), { recursive: true });
      await page.screenshot({ path: join(ROOT, 'test-results', 'roles.png') });
    },
    TIMEOUT,
  );

  it('threw no page errors', () => {
    expect(app!.pageErrors).toEqual([]);
  });
});
