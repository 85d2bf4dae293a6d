import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {} from '../../web/src/scenario/compare-hooks.ts';
import { columnCells, openXlsx } from '../spreadsheet.ts';
import { ROOT, externalRequests, skipWithoutChromium, startBrowserApp, type BrowserApp } from './test-server.ts';

const SCREENSHOT = join(ROOT, 'test-results', 'compare.png');
const TIMEOUT = 120_000;

const skip = skipWithoutChromium('compare.browser.test');

async function waitReady(page: Page): Promise<void> {
  await page.waitForFunction(
    () => window.__voorraadCompare?.ready === true || window.__voorraadCompare?.error != null,
    undefined,
    { timeout: TIMEOUT },
  );
  const error = await page.evaluate(() => window.__voorraadCompare?.error ?? null);
  if (error) throw new Error(`compare page failed: ${error}`);
  await page.waitForFunction(
    () => window.__voorraadCompare!.maps.every((m) => m.loaded() && m.areTilesLoaded() && !m.isMoving()),
    undefined,
    { timeout: TIMEOUT },
  );
}

describe.skipIf(skip)('scenario comparison page in a headless browser', () => {
  let app: BrowserApp | undefined;
  let page: Page;

  beforeAll(async () => {
    // Signed in as gemeente: the browser gets the session cookie the sign-in page would set.
    app = await startBrowserApp({
      name: 'compare',
      viewport: { width: 1400, height: 1000 },
      signIn: { via: 'cookie', user: 'gemeente' },
      path: '/compare.html',
      acceptDownloads: true,
      timeout: TIMEOUT,
    });
    ({ page } = app);
    await waitReady(page);
  }, 300_000);

  afterAll(async () => {
    await app?.close();
  }, 30_000);

  it(
    'opens on baseline against the Kalsdonk sale scenario, Kalsdonk, 2030, in Dutch',
    async () => {
      expect(await page.title()).toBe("voorraad — scenario's vergelijken");
      const selection = await page.evaluate(() => window.__voorraadCompare!.selection);
      expect(selection).toEqual({
        a: 'baseline',
        b: 'kalsdonk-verkopen-differentieren',
        area: 'Kalsdonk',
        metric: 'share-corporation',
        year: 2030,
        view: 'naast',
      });
      for (const label of ['Scenario A', 'Scenario B', 'Gebied', 'Kaart kleurt naar', 'Weergave', 'Jaar'])
        await expect.poll(() => page.getByText(label, { exact: false }).count()).toBeGreaterThan(0);
      expect(await page.locator('#title-a').textContent()).toBe('A · Basis — huidig beleid');
      expect(await page.locator('#title-b').textContent()).toBe('B · Verkopen en differentiëren Kalsdonk');
      expect(await page.locator('#legend').textContent()).toContain('Corporatiebezit in 2030');
      expect(await page.locator('#dataset-banner').textContent()).toContain('Synthetische gegevens');
    },
    TIMEOUT,
  );

  it(
    'colours the buurten of both maps by their own scenario on one scale',
    async () => {
      const values = await page.evaluate(() =>
        window.__voorraadCompare!.maps.map((m) => {
          const fs = m.queryRenderedFeatures({ layers: ['scenario-fill'] });
          return Object.fromEntries(fs.map((f) => [String(f.properties.buurtcode), Number(f.properties.value)]));
        }),
      );
      expect(Object.keys(values[0]!).sort()).toEqual([
        'BU16740202',
        'BU16740300',
        'BU16740301',
        'BU16740302',
        'BU16740303',
      ]);
      expect(values[0]!.BU16740202).toBeCloseTo(0.551, 3);
      expect(values[1]!.BU16740202).toBeCloseTo(0.465, 3);
      expect(values[1]!.BU16740301).toBe(values[0]!.BU16740301);
      const fills = await page.evaluate(() =>
        window.__voorraadCompare!.maps.map((m) => JSON.stringify(m.getPaintProperty('scenario-fill', 'fill-color'))),
      );
      expect(fills[0]).toBe(fills[1]);
      const selected = await page.evaluate(() =>
        window
          .__voorraadCompare!.maps[0]!.queryRenderedFeatures({ layers: ['scenario-selected'] })
          .map((f) => f.properties.buurtcode),
      );
      expect(new Set(selected)).toEqual(new Set(['BU16740202']));
    },
    TIMEOUT,
  );

  it(
    'draws the mix over time with medians and 10–90 % bands for both scenarios',
    async () => {
      const charts = await page.$$eval('#chart-grid .chart', (els) =>
        els.map((el) => ({
          metric: (el as HTMLElement).dataset.metric,
          title: el.querySelector('.chart-title')?.textContent,
          medians: el.querySelectorAll('.median').length,
          bands: el.querySelectorAll('.band').length,
        })),
      );
      expect(charts.map((c) => c.metric)).toEqual(
        expect.arrayContaining([
          'share-corporation',
          'corporatiebuurt',
          'share-owner-occupied',
          'share-social-rent',
          'share-low-income',
          'share-55plus',
          'average-label',
          'energy-cost',
        ]),
      );
      const low = charts.find((c) => c.metric === 'share-low-income')!;
      expect(low).toMatchObject({ title: 'Lage inkomens', medians: 2, bands: 2 });
      expect(charts.find((c) => c.metric === 'corporatiebuurt')!.title).toBe('Kans op corporatiebuurt');
      expect(await page.locator('#charts-title').textContent()).toContain('Kalsdonk');
      expect(await page.locator('#chart-grid .reference').count()).toBe(1);
      const targets = await page.locator('#targets-b li').allTextContents();
      expect(targets.some((t) => /✓ Corporatiebezit Kalsdonk 2030 ≤ 50,0\s?% kans 1,00 \(vereist 0,90\)/.test(t))).toBe(
        true,
      );
    },
    TIMEOUT,
  );

  it(
    'shows the difference B − A on the second map, on a diverging scale with its own legend',
    async () => {
      await page.selectOption('#view', 'verschil');
      await waitReady(page);
      expect(await page.evaluate(() => window.__voorraadCompare!.selection!.view)).toBe('verschil');
      const values = await page.evaluate(() =>
        window.__voorraadCompare!.maps.map((m) => {
          const fs = m.queryRenderedFeatures({ layers: ['scenario-fill'] });
          return Object.fromEntries(fs.map((f) => [String(f.properties.buurtcode), Number(f.properties.value)]));
        }),
      );
      // Map A keeps scenario A; map B shows B − A: Kalsdonk 0.465 − 0.551, Westrand buurten unchanged (0).
      expect(values[0]!.BU16740202).toBeCloseTo(0.551, 3);
      expect(values[1]!.BU16740202).toBeCloseTo(0.465 - 0.551, 3);
      expect(values[1]!.BU16740301).toBe(0);
      const fill = await page.evaluate(() =>
        JSON.stringify(window.__voorraadCompare!.maps[1]!.getPaintProperty('scenario-fill', 'fill-color')),
      );
      expect(fill).toContain('#f7f7f7');
      expect(fill).toContain('#0571b0');
      expect(await page.locator('#title-b').textContent()).toMatch(/^B − A · /);
      expect(await page.locator('#legend-diff').isVisible()).toBe(true);
      const legend = await page.locator('#legend-diff').textContent();
      expect(legend).toContain('Verschil B − A: Corporatiebezit in 2030');
      expect(legend).toMatch(/−8,6 procentpunt \(B lager\)/);
      // Hover text carries A, B and the difference.
      const hover = await page.evaluate(
        () =>
          window
            .__voorraadCompare!.maps[1]!.queryRenderedFeatures({ layers: ['scenario-fill'] })
            .find((f) => f.properties.buurtcode === 'BU16740202')?.properties.hover,
      );
      expect(hover).toMatch(/^A 55,1\s?% · B 46,5\s?% · B − A −8,6 procentpunt$/);
      mkdirSync(join(ROOT, 'test-results'), { recursive: true });
      await page.screenshot({ path: join(ROOT, 'test-results', 'compare-verschil.png'), fullPage: true });
      await page.selectOption('#view', 'naast');
      await waitReady(page);
      expect(await page.locator('#legend-diff').isVisible()).toBe(false);
    },
    TIMEOUT,
  );

  it(
    'moves the year with a slider, shows the last year on the chart axes and values on hover',
    async () => {
      const last = await page.evaluate(() => window.__voorraadCompare!.results.a!.years.at(-1)!);
      expect(await page.locator('#year').getAttribute('max')).toBe(String(last));
      await page.locator('#year').fill(String(last));
      await waitReady(page);
      expect(await page.evaluate(() => window.__voorraadCompare!.selection!.year)).toBe(last);
      expect(await page.locator('#year-value').textContent()).toBe(String(last));
      expect(await page.locator('#legend').textContent()).toContain(`in ${last}`);
      const lastYears = await page.$$eval('#chart-grid .chart', (els) =>
        els.map((el) => [...el.querySelectorAll('.tick.year')].map((t) => t.textContent).at(-1)),
      );
      expect(new Set(lastYears)).toEqual(new Set([String(last)]));
      const titles = await page
        .locator('#chart-grid .chart[data-metric="share-corporation"] .hover-point title')
        .allTextContents();
      expect(titles[0]).toMatch(/^2025 · Basis — huidig beleid: \d+,\d\s?%/);
      const lastA = titles.find((t) => t.startsWith(`${last} · Basis`));
      // The value the chart draws at the last year (the band is named only where the runs differ: unit test).
      expect(lastA).toMatch(/^\d{4} · Basis — huidig beleid: \d+,\d\s?%/);
      await page.locator('#year').fill('2030');
      await waitReady(page);
    },
    TIMEOUT,
  );

  it(
    'downloads the chart data as CSV and XLSX through the shared writers',
    async () => {
      const csvDownload = page.waitForEvent('download');
      await page.click('#download-csv');
      const csv = await csvDownload;
      expect(csv.suggestedFilename()).toBe(
        'scenariovergelijking-baseline-kalsdonk-verkopen-differentieren-Kalsdonk.csv',
      );
      const text = readFileSync((await csv.path())!, 'utf8');
      expect(text.startsWith('\uFEFFExport;voorraad — Scenariovergelijking — grafiekgegevens')).toBe(true);
      expect(text).toContain('Synthetisch;ja — SYNTHETISCHE GEGEVENS');
      expect(text).toContain('Gebied;Indicator;Eenheid;Jaar;A 10%;A mediaan;A 90%;B 10%;B mediaan;B 90%;');
      expect(text).toMatch(/\r\nKalsdonk;Corporatiebezit;aandeel \(0-1\);2030;[\d,]+;0,55\d*;/);
      const xlsxDownload = page.waitForEvent('download');
      await page.click('#download-xlsx');
      const xlsx = openXlsx(readFileSync((await (await xlsxDownload).path())!));
      const sheet = xlsx.get('Grafiekgegevens')!;
      const year = columnCells(sheet, 'Jaar');
      expect(year.length).toBeGreaterThan(20);
      expect(new Set(year.map((c) => c.type))).toEqual(new Set(['n']));
      expect(new Set(columnCells(sheet, 'A mediaan').map((c) => c.type))).toEqual(new Set(['n']));
      expect(xlsx.has('Over deze export')).toBe(true);
    },
    TIMEOUT,
  );

  it(
    'draws A and B distinguishably when they are the same scenario',
    async () => {
      await page.selectOption('#scenario-b', 'baseline');
      await waitReady(page);
      const chart = page.locator('#chart-grid .chart[data-metric="share-corporation"]');
      expect(await chart.locator('.median').count()).toBe(2);
      expect(await chart.locator('.median.dashed').count()).toBe(1);
      expect(await chart.locator('.same-note').textContent()).toBe('A en B gelijk');
      await page.selectOption('#scenario-b', 'kalsdonk-verkopen-differentieren');
      await waitReady(page);
    },
    TIMEOUT,
  );

  it(
    'moves both maps together',
    async () => {
      const centers = await page.evaluate(async () => {
        const [a, b] = window.__voorraadCompare!.maps;
        a!.jumpTo({ center: [4.44, 51.54], zoom: 14.2 });
        return { center: b!.getCenter().toArray(), zoom: b!.getZoom() };
      });
      expect(centers.center[0]).toBeCloseTo(4.44, 6);
      expect(centers.center[1]).toBeCloseTo(51.54, 6);
      expect(centers.zoom).toBeCloseTo(14.2, 6);
    },
    TIMEOUT,
  );

  it(
    'switches to the Westrand scenario and area',
    async () => {
      await page.selectOption('#scenario-b', 'westrand-sloop-nieuwbouw');
      await waitReady(page);
      await page.selectOption('#area', 'Westrand');
      await waitReady(page);
      expect(await page.evaluate(() => window.__voorraadCompare!.selection)).toMatchObject({
        b: 'westrand-sloop-nieuwbouw',
        area: 'Westrand',
      });
      expect(await page.locator('#charts-title').textContent()).toContain('Westrand');
      expect(await page.locator('#title-b').textContent()).toBe('B · Westrand — sloop en nieuwbouw Herreweg');
      const dwellings = await page.evaluate(() => window.__voorraadCompare!.results.b!.series.Westrand!.dwellings!.p50);
      expect(dwellings[0]! - dwellings[dwellings.length - 1]!).toBe(180 + 20 - 160);
      mkdirSync(join(ROOT, 'test-results'), { recursive: true });
      await page.screenshot({ path: SCREENSHOT, fullPage: true });
    },
    TIMEOUT,
  );

  it('requested nothing outside its own origin and threw no page errors', () => {
    const external = externalRequests(app!.requests, app!.origin);
    expect(external).toEqual([]);
    expect(app!.requests.some((u) => u.endsWith('/api/scenarios/run'))).toBe(true);
    expect(app!.requests.some((u) => u.includes('/tiles/basemap.pmtiles'))).toBe(true);
    expect(app!.pageErrors).toEqual([]);
  });
});
