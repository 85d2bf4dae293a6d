import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { buildBlocks } from '../../engine/blocks/blocks.ts';
import { toColumns } from '../../engine/dwelling-table.ts';
import { readDataset } from '../../geodata/dataset-store.ts';
import { SHIPPED_DATASET, ensureShippedDataset } from '../../geodata/shipped.ts';
import { createApp } from '../../server/app.ts';
import type { Role } from '../../server/auth/roles.ts';
import { loadDatasetIntoMemory } from '../../server/loaded-dataset.ts';
import { openScenarioVersionStore } from '../../server/scenario-versions/version-store.ts';
import { createEngineService } from '../../workers/engine-service.ts';
import { DatasetCache, loadScenarioFile } from '../../workers/scenario-files.ts';
import { inProcessRunner, runScenario } from '../../workers/scenario-pool.ts';
import { tokenFor, testSecurity } from '../api/test-app.ts';

/**
 * The drawn-scenario flow on the shipped dataset, through the API: three Kalsdonk blocks get "verkoop op mutatie
 * 30 %", the preview shows the change, the version is saved, another signed-in user opens it by its link and
 * downloads the YAML, and that file passes the same reader and compiler as `voorraad run`, and runs.
 */
let app: Hono;
let tokens: Record<Role, string>;
let blocks: string[];

beforeAll(async () => {
  ensureShippedDataset();
  const ds = readDataset(SHIPPED_DATASET);
  const engine = createEngineService();
  await engine.load(toColumns(ds.dwellings));
  const sec = await testSecurity(ds);
  app = createApp({
    data: loadDatasetIntoMemory(ds),
    engine,
    version: 'test',
    tilesDir: null,
    webDir: null,
    ...sec,
    scenarioVersions: openScenarioVersionStore(':memory:').store,
  });
  tokens = Object.fromEntries(
    (['gemeente', 'alwel', 'vhf', 'viewer'] as const).map((r) => [r, tokenFor(sec.security, r)]),
  ) as Record<Role, string>;
  // Three Kalsdonk bouwblokken with corporation dwellings.
  const corp = new Set(ds.dwellings.filter((d) => d.ownership === 'corporatie').map((d) => d.vboId));
  blocks = buildBlocks(ds)
    .blocks.filter((b) => b.kind === 'bouwblok' && b.buurtcodes.join() === 'BU16740202')
    .filter((b) => b.vboIds.filter((v) => corp.has(v)).length >= 4)
    .slice(0, 3)
    .map((b) => b.blockId);
});

const call = (role: Role, path: string, body?: unknown) =>
  app.request(path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${tokens[role]}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
const draft = (share: number) => ({
  name: 'Verkoop drie blokken Kalsdonk',
  assignments: [{ blocks, intervention: { kind: 'sale', share, by: 2030 } }],
});

describe('scenario drawn on blocks, saved as versions', () => {
  it('previews, saves, opens by link for another user, diffs and downloads a YAML that voorraad run accepts', async () => {
    expect(blocks).toHaveLength(3);
    const preview = await call('gemeente', '/api/scenario-draw/preview', { draft: draft(0.3) });
    expect(preview.status).toBe(200);
    const p = (await preview.json()) as {
      scenario: { interventions: { kind: string; blocks: string[]; count: number }[] };
      summary: {
        buurten: {
          buurtcode: string;
          before: { tenure: Record<string, number> };
          after: { tenure: Record<string, number> };
        }[];
      };
    };
    const sale = p.scenario.interventions.find((iv) => iv.kind === 'sale')!;
    expect(sale.blocks).toEqual(blocks);
    expect(p.summary.buurten[0]!.after.tenure.koop! - p.summary.buurten[0]!.before.tenure.koop!).toBe(sale.count);

    const saved = await call('gemeente', '/api/scenario-versions', { draft: draft(0.3), note: 'eerste schets' });
    expect(saved.status).toBe(201);
    const v1 = (await saved.json()) as { id: number; link: string; author: string };
    expect(v1).toMatchObject({ author: 'test-gemeente', link: `/?versie=${v1.id}` });
    const v2 = (await (
      await call('gemeente', '/api/scenario-versions', { draft: draft(0.5), note: 'meer verkoop', parentId: v1.id })
    ).json()) as { id: number };

    // Another signed-in user (the viewer) opens it by its id.
    const opened = await call('viewer', `/api/scenario-versions/${v2.id}`);
    expect(opened.status).toBe(200);
    expect(await opened.json()).toMatchObject({ id: v2.id, parentId: v1.id, note: 'meer verkoop' });

    const diff = (await (await call('viewer', `/api/scenario-versions/${v2.id}/diff?against=${v1.id}`)).json()) as {
      interventions: { changed: { id: string; fields: { path: string[] }[] }[] };
    };
    expect(diff.interventions.changed.map((c) => [c.id, c.fields.map((f) => f.path.join('.'))])).toEqual([
      ['tekening-1-sale', ['count']],
    ]);

    const yaml = await call('viewer', `/api/scenario-versions/${v2.id}/yaml`);
    expect(yaml.headers.get('content-disposition')).toContain(`scenario-versie-${v2.id}.yaml`);
    const dir = mkdtempSync(join(tmpdir(), 'versie-'));
    const file = join(dir, 'getekend.yaml');
    writeFileSync(file, await yaml.text());
    const prepared = loadScenarioFile(file, { datasets: new DatasetCache(), runs: 2 });
    if (!prepared.ok) throw new Error(JSON.stringify(prepared.issues));
    const result = await runScenario(prepared.value, inProcessRunner());
    expect(result.interventions.map((i) => i.id)).toContain('tekening-1-sale');
  });

  it('refuses bad input with a code and the field', async () => {
    const unknown = await call('gemeente', '/api/scenario-draw/preview', {
      draft: {
        name: 'x',
        assignments: [{ blocks: ['BU16740202-B999'], intervention: { kind: 'sale', share: 0.3, by: 2030 } }],
      },
    });
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({
      code: 'draw.block.unknown',
      path: ['body', 'draft', 'assignments', 0, 'blocks', 0],
    });
    const share = await call('gemeente', '/api/scenario-draw/preview', {
      draft: { name: 'x', assignments: [{ blocks, intervention: { kind: 'sale', share: 3, by: 2030 } }] },
    });
    expect(share.status).toBe(400);
    expect(await share.json()).toMatchObject({ path: ['body', 'draft', 'assignments', 0, 'intervention', 'share'] });
    const forbidden = await call('vhf', '/api/scenario-draw/preview', { draft: draft(0.3) });
    expect(forbidden.status).toBe(403);
    expect(await forbidden.json()).toMatchObject({ code: 'draw.kind.forbidden' });
    expect((await call('viewer', '/api/scenario-versions', { draft: draft(0.3) })).status).toBe(403);
    // Past the horizon: the compiler's code, pointed at the drawn scenario.
    const late = await call('gemeente', '/api/scenario-draw/preview', {
      draft: { name: 'x', assignments: [{ blocks, intervention: { kind: 'sale', share: 0.3, by: 2090 } }] },
    });
    expect(await late.json()).toMatchObject({ code: 'scenario.year.outside-horizon' });
    expect((await call('viewer', '/api/scenario-versions/9999')).status).toBe(404);
  });
});
