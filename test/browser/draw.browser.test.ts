import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type {} from '../../web/src/test-hooks.ts';
import type {} from '../../web/src/scenario-draw/draw-view.ts';
import type {} from '../../web/src/scenario/compare-hooks.ts';
import { sessionFor } from '../api/test-app.ts';
import { openSection, waitForMapIdle } from './offline-browser.ts';
import { skipWithoutChromium, startBrowserApp, type BrowserApp } from './test-server.ts';

/**
 * A scenario drawn on the map, in a real browser: gemeente selects three Kalsdonk blocks (click, then shift-click),
 * keeps "verkoop op mutatie 30 %", sees the change per buurt, saves, the comparison with the baseline opens with
 * the version as B, and a second signed-in user (viewer) opens the version by its link.
 */
const TIMEOUT = 120_000;
const skip = skipWithoutChromium('draw.browser.test');

/** Clicks a point of the map (a block's centre) after bringing it into view. */
async function clickAt(page: Page, centre: [number, number], shift: boolean): Promise<void> {
  await page.evaluate((c) => window.__voorraad!.map!.jumpTo({ center: c, zoom: 17 }), centre);
  await waitForMapIdle(page, TIMEOUT);
  const xy = await page.evaluate((c) => window.__voorraad!.map!.project(c), centre);
  const box = (await page.locator('#map').boundingBox())!;
  if (shift) await page.keyboard.down('Shift');
  await page.mouse.click(box.x + xy.x, box.y + xy.y);
  if (shift) await page.keyboard.up('Shift');
}

describe.skipIf(skip)('drawing a scenario on the map', () => {
  let app: BrowserApp | undefined;
  let page: Page;

  beforeAll(async () => {
    app = await startBrowserApp({ name: 'draw', signIn: { via: 'form', user: 'gemeente' }, timeout: TIMEOUT });
    ({ page } = app);
    await openSection(page, 'scenario-tekenen');
    await page.waitForFunction(() => (window.__voorraadDraw?.blocks.length ?? 0) > 0, undefined, { timeout: TIMEOUT });
  }, 300_000);

  afterAll(async () => {
    await app?.close();
  }, 30_000);

  it(
    'selects three blocks, sells 30 % on turnover, compares with the baseline and shares the version',
    async () => {
      // Three Kalsdonk bouwblokken of some size (the synthetic Kalsdonk is mostly Alwel's).
      const picked = await page.evaluate(async () => {
        const b = (await (await fetch('/api/blocks?buurt=BU16740202')).json()) as {
          features: {
            id: string;
            properties: { kind: string; dwellings: number };
            geometry: { type: string; coordinates: number[][][] };
          }[];
        };
        return b.features
          .filter(
            (f) => f.properties.kind === 'bouwblok' && f.geometry.type === 'Polygon' && f.properties.dwellings >= 20,
          )
          .slice(0, 3)
          .map((f) => {
            const ring = f.geometry.coordinates[0]!.slice(0, -1);
            const c: [number, number] = [
              ring.reduce((s, p) => s + p[0]!, 0) / ring.length,
              ring.reduce((s, p) => s + p[1]!, 0) / ring.length,
            ];
            return { id: f.id, c };
          });
      });
      const ids = picked.map((p) => p.id);
      expect(ids).toHaveLength(3);
      for (const [k, p] of picked.entries()) await clickAt(page, p.c, k > 0);
      expect((await page.evaluate(() => window.__voorraadDraw!.selected)).sort()).toEqual([...ids].sort());
      await page.waitForFunction(() => (window.__voorraadDraw?.summaryRows ?? 0) > 0, undefined, { timeout: TIMEOUT });
      expect(await page.evaluate(() => window.__voorraadDraw!.draft!.assignments[0]!.intervention)).toMatchObject({
        kind: 'sale',
        share: 0.3,
        mode: 'on-turnover',
      });

      const [compare] = await Promise.all([
        page.context().waitForEvent('page', { timeout: TIMEOUT }),
        page.locator('#draw-panel [data-act="save"]').click(),
      ]);
      await compare.waitForFunction(
        () => window.__voorraadCompare?.ready === true || window.__voorraadCompare?.error != null,
        undefined,
        { timeout: TIMEOUT },
      );
      expect(await compare.evaluate(() => window.__voorraadCompare!.error)).toBeNull();
      const id = await page.evaluate(() => window.__voorraadDraw!.savedId);
      expect(await compare.evaluate(() => window.__voorraadCompare!.selection)).toMatchObject({
        a: 'baseline',
        b: `versie:${id}`,
      });
      const link = (await page.evaluate(() => window.__voorraadDraw!.link))!;
      expect(link).toContain(`/?versie=${id}`);

      // Another signed-in user opens it by the link.
      await page.context().clearCookies();
      await page
        .context()
        .addCookies([{ name: 'voorraad_sessie', value: sessionFor(app!.security, 'viewer'), url: app!.origin }]);
      const other = await page.context().newPage();
      await other.goto(link);
      await other.waitForFunction((v) => window.__voorraadDraw?.savedId === v, id, { timeout: TIMEOUT });
      expect(await other.locator('#draw-panel .draw-version').textContent()).toContain(`Versie ${id} van gemeente`);
    },
    TIMEOUT * 2,
  );
});
