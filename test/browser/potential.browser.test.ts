import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PotentialResponse } from '../../engine/potential/potential-schema.ts';
import type {} from '../../web/src/test-hooks.ts';
import { openSection, waitForMapIdle } from './offline-browser.ts';
import { externalRequests, skipWithoutChromium, startBrowserApp, type BrowserApp } from './test-server.ts';

/**
 * The potentiekaart in a real browser, signed in as gemeente (one page load): the panel with its legend on the real
 * range, the block layer, a click on a block opening its card, another intervention, the export links — offline.
 */
const TIMEOUT = 90_000;
const skip = skipWithoutChromium('potential.browser.test');
type Answer = import('zod').infer<typeof PotentialResponse>;

describe.skipIf(skip)('potentiekaart in a headless browser', () => {
  let app: BrowserApp | undefined;
  let page: Page;

  beforeAll(async () => {
    app = await startBrowserApp({ name: 'potential', signIn: { via: 'form', user: 'gemeente' }, timeout: TIMEOUT });
    ({ page } = app);
    await page.waitForFunction(
      () => ['ready', 'error'].includes(document.getElementById('potential-panel')?.dataset.state ?? ''),
      undefined,
      { timeout: TIMEOUT },
    );
    await openSection(page, 'potentie');
  }, 300_000);

  afterAll(async () => {
    await app?.close();
  }, 30_000);

  it(
    'draws the blocks on the real range, opens a block card on click and follows the chosen intervention',
    async () => {
      const fc = await page.evaluate(
        async () => (await fetch('/api/potential?intervention=verkoop')).json() as Promise<Answer>,
      );
      const fmt = (x: number) => x.toLocaleString('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
      const legend = await page.locator('#potential-panel .potential-legend').textContent();
      expect(legend).toContain(`potentie ${fmt(fc.range!.min)}`);
      expect(legend).toContain(`potentie ${fmt(fc.range!.max)}`);
      await page.locator('#potential-toggle').check();

      // The block with the highest potential: centre the map on its dwellings' hull and click its middle.
      const best = fc.features.reduce((a, f) =>
        (f.properties.potential ?? -1) > (a.properties.potential ?? -1) ? f : a,
      );
      const ring = (best.geometry.type === 'Polygon' ? best.geometry.coordinates : best.geometry.coordinates[0]!)[0]!;
      const mid = [
        ring.slice(0, -1).reduce((a, p) => a + p[0]!, 0) / (ring.length - 1),
        ring.slice(0, -1).reduce((a, p) => a + p[1]!, 0) / (ring.length - 1),
      ] as [number, number];
      await page.evaluate((c) => window.__voorraad!.map!.jumpTo({ center: c, zoom: 17 }), mid);
      await waitForMapIdle(page, TIMEOUT);
      const at = await page.evaluate((c) => window.__voorraad!.map!.project(c), mid);
      const box = (await page.locator('#map canvas').boundingBox())!;
      await page.mouse.click(box.x + at.x, box.y + at.y);
      await page.waitForFunction(
        (id) => document.querySelector<HTMLElement>('#potential-panel .potential-card')?.dataset.blockId === id,
        best.id,
        { timeout: TIMEOUT },
      );
      const card = page.locator('#potential-panel .potential-card');
      expect(await card.locator('h3').textContent()).toBe(best.properties.label);
      expect(await card.locator('.potential-value').textContent()).toBe(
        `Potentie: ${fmt(best.properties.potential!)} van 100`,
      );
      expect(await card.locator('.potential-indicators tr').count()).toBe(9);

      await page.locator('#potential-intervention').selectOption('aankoop');
      await page.waitForFunction(
        () => document.getElementById('potential-panel')?.dataset.intervention === 'aankoop',
        undefined,
        { timeout: TIMEOUT },
      );
      expect(await page.locator('#potential-panel a.potential-export').first().getAttribute('href')).toBe(
        '/api/potential/export?format=csv&intervention=aankoop',
      );
      expect(app!.pageErrors).toEqual([]);
      expect(externalRequests(app!.requests, app!.origin)).toEqual([]);
    },
    TIMEOUT,
  );
});
