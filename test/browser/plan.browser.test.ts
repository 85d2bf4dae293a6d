import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {} from '../../web/src/test-hooks.ts';
import type {} from '../../web/src/plan/plan-hooks.ts';
import { openSection, waitForMapIdle } from './offline-browser.ts';
import { ROOT, externalRequests, skipWithoutChromium, startBrowserApp, type BrowserApp } from './test-server.ts';

const SCREENSHOT = join(ROOT, 'test-results', 'plan.png');
const TIMEOUT = 120_000;
const LAYER = 'plan-dwellings';

const skip = skipWithoutChromium('plan.browser.test');
const planHooks = (page: Page) => page.evaluate(() => ({ ...window.__voorraad!.plan! }));

describe.skipIf(skip)('plan panel in a headless browser (vhf)', () => {
  let app: BrowserApp | undefined;
  let page: Page;

  beforeAll(async () => {
    // The real planner worker (HiGHS in a worker thread, reading the shipped GeoPackage).
    app = await startBrowserApp({
      name: 'plan',
      planner: true,
      signIn: { via: 'form', user: 'vhf' },
      timeout: TIMEOUT,
    });
    ({ page } = app);
    await page.waitForFunction(
      () => window.__voorraad?.plan?.state === 'ready' || window.__voorraad?.plan?.state === 'error',
      undefined,
      { timeout: TIMEOUT },
    );
    const planError = await page.evaluate(() => window.__voorraad?.plan?.error ?? null);
    if (planError) throw new Error(`plan panel failed to load: ${planError}`);
    await openSection(page, 'planning');
  }, 300_000);

  afterAll(async () => {
    await app?.close();
  }, 30_000);

  it(
    'shows the plan panel in Dutch with the create form and no saved plans yet',
    async () => {
      const panel = page.locator('#plan-panel');
      expect(await panel.isVisible()).toBe(true);
      expect(await panel.locator('h2').textContent()).toBe('Uitvoeringsplan');
      for (const label of ['Naam', 'Budget (€)', 'Einddatum', 'Capaciteit (woningen per seizoen)', 'Rekenmethode']) {
        expect(await panel.getByLabel(label, { exact: true }).count(), label).toBe(1);
      }
      expect(await panel.getByLabel('Budget (€)').inputValue()).toBe('8.400.000');
      expect(await panel.textContent()).toContain('Nog geen opgeslagen plannen.');
      expect(await panel.textContent()).toContain('Synthetische gegevens');
    },
    TIMEOUT,
  );

  it(
    'makes a plan: batches on the map coloured by season, a timeline and totals against the budget',
    async () => {
      const panel = page.locator('#plan-panel');
      await panel.getByLabel('Naam', { exact: true }).fill('Browserproef');
      // Greedy keeps this test short (the MIP runs up to the API's 30 s limit on this stock); the route and panel are the same.
      await panel.getByLabel('Rekenmethode').selectOption('greedy');
      await panel.getByRole('button', { name: 'Plan maken' }).click();
      await page.waitForFunction(
        () => {
          const h = window.__voorraad?.plan;
          return !!h && !h.busy && (h.planId !== null || h.error !== null);
        },
        undefined,
        { timeout: TIMEOUT },
      );
      const h = await planHooks(page);
      expect(h.error).toBeNull();
      expect(h.planId).toBe(1);
      expect(h.batches).toBeGreaterThan(0);
      expect(h.dwellings).toBeGreaterThan(0);
      expect(h.seasons.length).toBeGreaterThan(0);
      console.log(
        `plan 1: ${h.dwellings} dwellings in ${h.batches} batches over ${h.seasons.length} seasons (${h.seasons[0]} … ${h.seasons.at(-1)})`,
      );

      // Timeline: one bar per planned season, in the season's colour, plus the budget line.
      const bars = await page.$$eval('#plan-panel .plan-timeline .timeline-bar', (gs) =>
        gs.map((g) => ({ season: g.getAttribute('data-season'), fill: g.querySelector('rect')?.getAttribute('fill') })),
      );
      expect(bars.map((b) => b.season)).toEqual(h.seasons);
      expect(new Set(bars.map((b) => b.fill)).size).toBe(h.seasons.length);
      expect(await page.locator('#plan-panel .plan-timeline .timeline-budget').count()).toBe(1);
      const legend = await page.$$eval('#plan-panel .plan-season-legend li', (ls) =>
        ls.map((l) => l.textContent ?? ''),
      );
      expect(legend).toHaveLength(h.seasons.length);
      expect(legend[0]).toMatch(/^(voorjaar|najaar) \d{4}[\d.]+ woningen$/);
      const totals = (await page.locator('#plan-panel .plan-totals').textContent()) ?? '';
      expect(totals).toMatch(/Programmabijdrage €\s[\d.]+ van €\s8\.400\.000 budget \(\d+,\d%\)/);
      expect(totals).toMatch(/[\d.]+ woningen in [\d.]+ batches/);
      // Euros per year against the budget, the year of each season's exclusion window.
      const years = await page.$$eval('#plan-panel .plan-euros-year li', (ls) =>
        ls.map((l) => (l.textContent ?? '').replace(/\u00a0/g, ' ')),
      );
      expect(years.length).toBeGreaterThan(0);
      for (const y of years)
        expect(y).toMatch(
          /^\d{4}: € [\d.]+( \(jaarplafond € [\d.]+\))? · t\/m \d{4} € [\d.]+ van € 8\.400\.000 \(\d+,\d%\)$/,
        );
      expect(years.map((y) => y.slice(0, 4))).toEqual([...new Set(h.seasons.map((s) => s.slice(0, 4)))]);

      // Calendar timeline: one row per planned season, natuurkalender closed periods and the permit profile's validity drawn in.
      const calendar = await page.evaluate(() => {
        const svg = document.querySelector('#plan-panel svg.plan-calendar')!;
        const attrs = (sel: string, names: string[]) =>
          [...svg.querySelectorAll(sel)].map((g) => Object.fromEntries(names.map((n) => [n, g.getAttribute(n) ?? ''])));
        return {
          seasons: attrs('.timeline-season', ['data-season', 'data-batches']),
          closed: attrs('.timeline-closed', ['data-period', 'data-from', 'data-until']),
          permits: attrs('.timeline-permit', ['data-profile', 'data-from', 'data-until']),
          permitTitle: svg.querySelector('.timeline-permit title')?.textContent ?? '',
        };
      });
      expect(calendar.seasons.map((r) => r['data-season'])).toEqual(h.seasons);
      expect(calendar.seasons.reduce((a, r) => a + Number(r['data-batches']), 0)).toBe(h.batches);
      expect(calendar.closed.length).toBeGreaterThan(0);
      for (const c of calendar.closed) {
        expect(['winterslaap', 'kraam-en-broedperiode']).toContain(c['data-period']);
        // The shipped national line: winterslaap 1 Nov–15 Mar, kraam- en broedperiode 1 Apr–31 Jul (clipped at the timeline's ends).
        expect(c['data-from']! <= c['data-until']!).toBe(true);
      }
      expect(
        calendar.closed.some((c) => c['data-period'] === 'winterslaap' && c['data-from']!.endsWith('-11-01')),
      ).toBe(true);
      expect(calendar.permits.map((p) => p['data-profile'])).toContain('landelijke-lijn-nvi');
      expect(
        calendar.permits.find((p) => p['data-profile'] === 'landelijke-lijn-nvi')!['data-until']! <= '2027-05-16',
      ).toBe(true);
      expect(calendar.permitTitle).toMatch(/^Vergunningsprofiel .+: geldig 17 mei 2024 t\/m 16 mei 2027/);

      // Assumptions in words: profile, scope and uptake with bands.
      const assumptions = ((await page.locator('#plan-panel .plan-assumptions').textContent()) ?? '').replace(
        /\u00a0/g,
        ' ',
      );
      expect(assumptions).toContain('Vergunningsprofiel: ');
      expect(assumptions).toContain('Reikwijdte: ');
      expect(assumptions).toMatch(
        /Deelname: [\d.]+ eigenaren uitgenodigd; verwacht [\d.]+ woningen \(p10–p90: [\d.]+–[\d.]+\) en € [\d.]+ programmabijdrage \(p10–p90: € [\d.]+ – € [\d.]+\)/,
      );
      expect(await page.locator('#plan-panel .plan-solver').textContent()).toMatch(
        /^(MIP \(HiGHS\)|gretige heuristiek), doelwaarde/,
      );
      expect(await page.locator('#plan-panel .plan-list .plan-pick').count()).toBe(1);
      const exports = await page.$$eval('#plan-panel .export-link', (as) => as.map((a) => a.getAttribute('href')));
      expect(exports).toEqual(
        ['csv', 'xlsx', 'geojson', 'meldingen-csv', 'meldingen-xlsx'].map((f) => `/api/plans/1/export?format=${f}`),
      );

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
    },
    TIMEOUT,
  );

  it(
    'changes the status of a clicked dwelling in the panel',
    async () => {
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
      for (const label of [
        'Batch',
        'Seizoen',
        'Maatregelen',
        'Natuurvrij maken vanaf',
        'Isoleren',
        'Kosten',
        'Programmabijdrage',
        'Status',
      ])
        expect(text).toContain(label);
      expect(text).toContain('voorgesteld');
      await popup.getByLabel('Nieuwe status').selectOption('onderzoek');
      await popup.getByLabel('Toelichting').fill('quickscan besteld');
      await popup.getByRole('button', { name: 'Status opslaan' }).click();
      await page.waitForFunction(
        () => (window.__voorraad?.plan?.statusChanges ?? 0) >= 1 || window.__voorraad?.plan?.error != null,
        undefined,
        { timeout: TIMEOUT },
      );
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
    },
    TIMEOUT,
  );

  it(
    'filters the map by season and status, colours by status, and changes a whole batch',
    async () => {
      const panel = page.locator('#plan-panel');
      const rendered = () =>
        page.evaluate(
          (layer) =>
            window
              .__voorraad!.map!.queryRenderedFeatures({ layers: [layer] })
              .map((f) => ({ status: String(f.properties.status), season: String(f.properties.season) })),
          LAYER,
        );
      await panel.getByLabel('Filter status').selectOption('onderzoek');
      await waitForMapIdle(page, TIMEOUT);
      const onlySurvey = await rendered();
      expect(onlySurvey.length).toBeGreaterThan(0);
      expect(new Set(onlySurvey.map((f) => f.status))).toEqual(new Set(['onderzoek']));
      expect(await panel.locator('.plan-filter-count').textContent()).toBe('1 woning op de kaart');
      await panel.getByLabel('Filter status').selectOption('alle');
      const h = await planHooks(page);
      await panel.getByLabel('Filter seizoen').selectOption(h.seasons[0]!);
      await panel.getByLabel('Kleur op de kaart').selectOption('status');
      await waitForMapIdle(page, TIMEOUT);
      const firstSeason = await rendered();
      expect(firstSeason.length).toBeGreaterThan(0);
      expect(new Set(firstSeason.map((f) => f.season))).toEqual(new Set([h.seasons[0]]));
      const colour = await page.evaluate(
        (layer) => JSON.stringify(window.__voorraad!.map!.getPaintProperty(layer, 'circle-color')),
        LAYER,
      );
      expect(colour).toContain('"onderzoek","#e69f00"');
      expect(await panel.locator('.plan-status-legend li').count()).toBe(5);

      // Bulk: the first batch of the first season to 'onderzoek', one PATCH per dwelling.
      const batchId = await panel.getByLabel('Batch', { exact: true }).inputValue();
      expect(batchId.startsWith(`${h.seasons[0]}:`)).toBe(true);
      await panel.getByLabel('Nieuwe status voor de batch').selectOption('onderzoek');
      const before = (await planHooks(page)).statusChanges;
      await panel.getByRole('button', { name: 'Status van de batch wijzigen' }).click();
      await page.waitForFunction(
        (n) => {
          const p = window.__voorraad?.plan;
          return !!p && !p.busy && (p.statusChanges > n || p.error !== null);
        },
        before,
        { timeout: TIMEOUT },
      );
      expect((await planHooks(page)).error).toBeNull();
      const saved = await page.evaluate(async (id) => {
        const d = (await (await fetch('/api/plans/1')).json()) as {
          plan: { batches: { id: string; dwellings: { vboId: string }[] }[] };
          statuses: { vboId: string; status: string }[];
        };
        const ids = d.plan.batches.find((b) => b.id === id)!.dwellings.map((w) => w.vboId);
        return ids.map((v) => d.statuses.find((s) => s.vboId === v)?.status ?? 'voorgesteld');
      }, batchId);
      expect(saved.length).toBeGreaterThan(0);
      expect(new Set(saved)).toEqual(new Set(['onderzoek']));
      // The filter survives the refresh: still the first season, coloured by status.
      expect(await panel.getByLabel('Filter seizoen').inputValue()).toBe(h.seasons[0]);
      await panel.locator('svg.plan-calendar').screenshot({ path: join(ROOT, 'test-results', 'plan-calendar.png') });
    },
    TIMEOUT,
  );

  it('requested nothing outside its own origin and threw no page errors', () => {
    const external = externalRequests(app!.requests, app!.origin);
    expect(external).toEqual([]);
    expect(app!.requests.some((u) => u.includes('/api/plans'))).toBe(true);
    expect(app!.pageErrors).toEqual([]);
  });
});
