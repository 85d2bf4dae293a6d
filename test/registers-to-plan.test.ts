import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDataset } from '../geodata/dataset-store.ts';
import { runCli } from './cli/capture-output.ts';
import { writeBagLight } from './fixtures/importers/bag-light.ts';
import { writeCbsGeoPackage } from './fixtures/importers/cbs-gpkg.ts';
import { writeEpOnlineCsv } from './fixtures/importers/eponline-csv.ts';
import { tempDir } from './fixtures/importers/harness.ts';
import {
  PORTFOLIO_HEADER,
  SIGNALS_HEADER,
  SPECIES_HEADER,
  VVE_HEADER,
  writeCsv,
} from './fixtures/importers/registers.ts';
import { KALSDONK_RD } from './fixtures/importers/base-dataset.ts';

/**
 * The walkthrough of docs/registers-to-plan.md, end to end on the fixture registers: `dataset new` → every import →
 * score → plan → export. The result is not synthetic and carries the registered stock all the way.
 */
const dir = tempDir('registers-to-plan');
const ds = join(dir, 'roosendaal.gpkg');
const cli = async (...argv: string[]) => {
  const r = await runCli(argv);
  if (r.code !== 0) throw new Error(`voorraad ${argv.join(' ')} → ${r.code}\n${r.stderr}`);
  return r;
};

describe('from registers to a plan', () => {
  it('refuses unknown buurt codes and an existing file without --force, naming the field', async () => {
    const unknown = await runCli(['dataset', 'new', '--buurten', 'BU16740202,BU99999999', '--out', ds]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/dataset\.buurt\.unknown: --buurten: unknown CBS buurt code BU99999999/);
    expect(existsSync(ds)).toBe(false);
    await cli('dataset', 'new', '--buurten', 'BU16740202,BU16740300', '--out', ds);
    const again = await runCli(['dataset', 'new', '--buurten', 'BU16740202', '--out', ds]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/dataset\.exists: --out: .* already exists; pass --force/);
    const bad = await runCli(['dataset', 'new', '--buurten', 'Kalsdonk']);
    expect(bad.code).toBe(2);
  });

  it('creates an empty, non-synthetic dataset with the CBS boundaries of the chosen buurten', async () => {
    await cli('dataset', 'new', '--buurten', 'BU16740202,BU16740300', '--out', ds, '--force');
    const d = readDataset(ds);
    expect(d.buurten.map((b) => b.buurtcode)).toEqual(['BU16740202', 'BU16740300']);
    expect(d.dwellings).toEqual([]);
    expect(d.meta.synthetic).toBe(false);
    expect(d.meta.buurtStock!.map((b) => b.status)).toEqual(['leeg', 'leeg']);
  });

  it('fills it from BAG, EP-Online, CBS, portfolio, VvE, species and signals', async () => {
    const imp = (kind: string, file: string) => cli('import', kind, file, '--dataset', ds, '--format', 'json');
    await imp('bag', writeBagLight(join(dir, 'bag-light.gpkg')));
    const registered = readDataset(ds).dwellings;
    expect(registered.length).toBeGreaterThan(5);
    const [a, b, c] = registered;
    await imp(
      'eponline',
      writeEpOnlineCsv(join(dir, 'ep.csv'), [
        { vboId: a!.vboId, label: 'F', registered: '20240105' },
        { vboId: b!.vboId, label: 'E', registered: '20240105' },
      ]),
    );
    await imp('cbs', writeCbsGeoPackage(join(dir, 'wijkenbuurten.gpkg')));
    await imp(
      'portfolio',
      writeCsv(join(dir, 'portefeuille.csv'), [
        PORTFOLIO_HEADER,
        ['100001', c!.vboId, '', '', '', '', 'C-12', '612,50', '', 2027, 'Alwel'],
      ]),
    );
    await imp(
      'vve',
      writeCsv(join(dir, 'vve.csv'), [
        VVE_HEADER,
        ['12345678', 'VvE Proef', a!.vboId, null, null, null, null, 1, 2026, 20000, '2024-04-01', '2/3'],
        ['12345678', 'VvE Proef', b!.vboId, null, null, null, null, 1, null, null, null, null],
      ]),
    );
    const [x, y] = KALSDONK_RD;
    await imp(
      'species',
      writeCsv(join(dir, 'soorten.csv'), [SPECIES_HEADER, ['W1', 'Huismus', '2024-05-01', x, y, 'nest', 2]]),
    );
    await imp('signals', writeCsv(join(dir, 'signalen.csv'), [SIGNALS_HEADER, [a!.vboId, '', '', '2024', 4, 7, 'ja']]));
    const d = readDataset(ds, { restricted: true });
    expect(d.meta.synthetic).toBe(false);
    expect(d.dwellings.every((w) => w.provenance !== 'synthetic')).toBe(true);
    expect(d.dwellings.find((w) => w.vboId === a!.vboId)!.energyLabel).toMatchObject({
      label: 'F',
      source: 'registered',
    });
    expect(d.portfolio?.length).toBe(1);
    expect(d.species?.length).toBe(1);
    expect(d.signals?.length).toBe(1);
    expect(d.meta.buurtStock!.find((s) => s.buurtcode === 'BU16740202')).toMatchObject({
      status: 'geregistreerd',
      synthetic: 0,
    });
  });

  it('scores, plans and exports the registered stock, not marked synthetic', async () => {
    const registered = new Set(readDataset(ds).dwellings.map((d) => d.vboId));
    const score = JSON.parse((await cli('score', '--dataset', ds, '--format', 'json')).stdout) as {
      dataset: { synthetic: boolean };
      dwellings: { vboId: string }[];
    };
    expect(score.dataset.synthetic).toBe(false);
    expect(new Set(score.dwellings.map((d) => d.vboId))).toEqual(registered);

    // BAG names no owner: until an owner register is imported the registered dwellings are 'overig', so the walkthrough
    // plans with a policy file that includes them (docs/registers-to-plan.md, step 4).
    const shipped = JSON.parse(readFileSync('config/plan-policy/isolatie-eerst.json', 'utf8')) as Record<
      string,
      unknown
    >;
    const policy = join(dir, 'beleid.json');
    writeFileSync(
      policy,
      JSON.stringify({
        ...shipped,
        id: 'isolatie-eerst-registers',
        tenures: [
          { id: 'eigenaar-bewoner', programmeShare: 0.5 },
          { id: 'overig', programmeShare: 0.5 },
        ],
      }),
    );
    const planCsv = join(dir, 'plan.csv');
    const plan = await runCli([
      'plan',
      '--policy',
      policy,
      '--dataset',
      ds,
      '--budget',
      '8400000',
      '--from',
      '2025-06-01',
      '--until',
      '2033-12-31',
      '--solver',
      'greedy',
      '--format',
      'json',
      '--export',
      planCsv,
    ]);
    expect(plan.stderr).not.toMatch(/synthetisch/i);
    expect(plan.code, plan.stderr).toBe(0);
    const planned = readFileSync(planCsv, 'utf8');
    expect(planned).toMatch(/^Synthetisch;nee$/m);
    expect([...registered].some((id) => planned.includes(id))).toBe(true);

    const out = join(dir, 'verwerving.csv');
    await cli(
      'export',
      'acquisition',
      '--format',
      'csv',
      '--dataset',
      ds,
      '--out',
      out,
      '--state-dir',
      join(dir, 'state'),
    );
    const list = readFileSync(out, 'utf8');
    expect(list).toMatch(/^Synthetisch;nee$/m);
    expect([...registered].some((id) => list.includes(id))).toBe(true);
  });
});
