import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import shippedWeights from '../../config/potential-weights.default.json' with { type: 'json' };
import { potentialFixture } from '../../engine/test-fixtures/potential-fixture.ts';
import type { Role } from '../../server/auth/roles.ts';
import { PotentialResponse } from '../../server/routes/potential-routes.ts';
import { openCsv, openXlsx } from '../spreadsheet.ts';
import { appOver, tokenFor } from './test-app.ts';

/** The HTTP app over the small fixture in blocks (engine/test-fixtures/potential-fixture.ts). */
const { ds } = potentialFixture();
const { app, security } = await appOver(ds, { today: () => '2026-03-01' });
const as =
  (role: Role) =>
  (path: string, init: RequestInit = {}): Promise<Response> => {
    const headers = new Headers(init.headers);
    headers.set('authorization', `Bearer ${tokenFor(security, role)}`);
    return Promise.resolve(app.request(path, { ...init, headers }));
  };
const post = (body: unknown) =>
  as('viewer')('/api/potential', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('GET /api/potential', () => {
  it('gives every block its potential, breakdown and indicators, with the legend range of the data', async () => {
    const res = await as('viewer')('/api/potential?intervention=renovatie');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/geo+json');
    const body = PotentialResponse.parse(await res.json());
    expect(body).toMatchObject({
      synthetic: true,
      intervention: 'renovatie',
      referenceYear: 2026,
      weightsVersion: 'gewichten v1, geldig vanaf 2026-01-01 (aanname)',
    });
    expect(body.features.map((f) => f.id)).toEqual([
      'BU16740202-B001',
      'BU16740202-B002',
      `pand:${ds.dwellings[4]!.pandId}`,
      `pand:${ds.dwellings[5]!.pandId}`,
    ]);
    const potentials = body.features.map((f) => f.properties.potential!);
    expect(body.range).toEqual({ min: Math.min(...potentials), max: Math.max(...potentials) });
    const first = body.features[0]!.properties;
    expect(first.terms.map((t) => t.indicator)).toEqual(['energyNeed', 'maintenanceDue', 'mixedOwnership']);
    expect(first.terms.reduce((a, t) => a + t.points, 0)).toBeCloseTo(first.potential!, 0);
    // No signals loaded in this app: safety is unknown, and says why.
    expect(first.indicators.safety).toEqual({ value: null, fact: 'geen signalen geladen', basis: 'geen' });
  });

  it('filters by buurt; refuses an unknown intervention or buurt naming the parameter', async () => {
    const westrand = PotentialResponse.parse(
      await (await as('viewer')('/api/potential?intervention=aankoop&buurt=BU16740300')).json(),
    );
    expect(westrand.features).toHaveLength(2);
    const bad = await as('viewer')('/api/potential?intervention=afbraak');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 'query.invalid', path: ['query', 'intervention'] });
    const unknown = await as('viewer')('/api/potential?intervention=verkoop&buurt=BU99999999');
    expect(unknown.status).toBe(404);
  });
});

describe('POST /api/potential', () => {
  it('recomputes with weights of your own', async () => {
    const weights = structuredClone(shippedWeights) as typeof shippedWeights & Record<string, unknown>;
    (weights.interventions as Record<string, unknown>).renovatie = { energyNeed: { weight: 1, direction: 'hoog' } };
    const res = await post({ intervention: 'renovatie', weights });
    expect(res.status).toBe(200);
    const body = PotentialResponse.parse(await res.json());
    for (const f of body.features)
      expect(f.properties.potential).toBeCloseTo(100 * f.properties.indicators.energyNeed!.value!, 1);
  });

  it('refuses a bad weights file naming the path inside the body', async () => {
    const weights = structuredClone(shippedWeights) as Record<string, unknown>;
    (weights.interventions as Record<string, Record<string, unknown>>).verkoop!.energyNeed = {
      weight: 10,
      direction: 'omlaag',
    };
    const res = await post({ intervention: 'verkoop', weights });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      code: 'potential-weights.invalid-value',
      path: ['body', 'weights', 'interventions', 'verkoop', 'energyNeed', 'direction'],
    });
  });
});

describe('GET /api/potential/export', () => {
  it('CSV for Dutch Excel with who, purpose, synthetic mark and one row per block; audited', async () => {
    const before = security.audit.list({ limit: 100, action: 'export' }).length;
    const res = await as('alwel')('/api/potential/export?format=csv&intervention=verkoop');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="potentiekaart-verkoop-2025-01-01-alwel.csv"',
    );
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
    expect(text).toContain('Export;voorraad — Potentiekaart: Verkoop');
    expect(text).toMatch(/Synthetisch;ja — SYNTHETISCHE GEGEVENS/);
    expect(text).toContain('Doel;gebiedsvisie — Gebiedsvisie en differentiatie');
    const sheet = openCsv(text);
    const header = sheet.findIndex((r) => r[0]?.value === 'Blok-id');
    expect(sheet.slice(header + 1).filter((r) => r[0]?.value)).toHaveLength(4);
    expect(text).toMatch(/\r\nBU16740202-B001;Bouwblok 1;bouwblok;BU16740202;Kalsdonk;2;Verkoop;57,9;/);
    const entries = security.audit.list({ limit: 100, action: 'export' });
    expect(entries.length).toBe(before + 1);
    expect(entries[0]).toMatchObject({ actor: 'test-alwel', object: 'potential:verkoop:csv', result: 'ok' });
  });

  it('XLSX opens in a spreadsheet reader with the potential as a number', async () => {
    const res = await as('gemeente')('/api/potential/export?format=xlsx&intervention=verkoop&purpose=projectplannen');
    expect(res.status).toBe(200);
    const sheet = openXlsx(Buffer.from(await res.arrayBuffer())).get('Potentiekaart')!;
    const header = sheet.findIndex((r) => r[0]?.value === 'Blok-id');
    expect(sheet[header + 1]![0]).toMatchObject({ type: 's', value: 'BU16740202-B001' });
    expect(sheet[header + 1]![7]).toMatchObject({ type: 'n', value: 57.9 });
  });

  it('GeoJSON with the block polygons, which GDAL reads', async () => {
    const res = await as('gemeente')('/api/potential/export?format=geojson&intervention=aankoop');
    expect(res.status).toBe(200);
    const text = await res.text();
    const body = JSON.parse(text) as { features: { geometry: { type: string }; properties: { blok_id: string } }[] };
    expect(body.features.map((f) => f.geometry.type)).toEqual(['Polygon', 'Polygon', 'Polygon', 'Polygon']);
    const file = join(mkdtempSync(join(tmpdir(), 'voorraad-potential-')), 'potentie.geojson');
    writeFileSync(file, text);
    const r = spawnSync('ogrinfo', ['-ro', '-al', '-so', file], { encoding: 'utf8' });
    if (r.error && !process.env.CI) return; // GDAL not installed here; CI installs gdal-bin (.ci/run)
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Feature Count: 4');
    expect(r.stdout).toMatch(/Geometry: Polygon/);
  });

  it('is for the acquisition roles only', async () => {
    expect((await as('viewer')('/api/potential/export?format=csv&intervention=verkoop')).status).toBe(403);
    expect((await as('vhf')('/api/potential/export?format=csv&intervention=verkoop')).status).toBe(403);
  });
});
