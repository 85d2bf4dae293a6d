import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { measuresCommand } from '../../cli/measures-command.ts';
import { readWeightsFile, scoreCommand } from '../../cli/score-command.ts';
import { UsageError } from '../../cli/usage-error.ts';
import { WhatIfResponseSchema } from '../../engine/retrofit/retrofit-schemas.ts';
import { DEFAULT_WEIGHTS } from '../../engine/retrofit/weights.ts';
import { writeDataset } from '../../geodata/dataset-store.ts';
import { smallDataset } from '../../engine/test-fixtures/small-dataset.ts';
import { captureOutput } from './capture-output.ts';

// The commands are tested as functions (bin/voorraad.js reaches them once cli/main.ts wires them).
afterEach(() => vi.restoreAllMocks());

const tmp = mkdtempSync(join(tmpdir(), 'voorraad-retrofit-'));
const BASE = ['--type', 'tussenwoning', '--bouwjaar', '1965', '--oppervlakte', '100', '--date', '2025-03-01'];

describe('voorraad measures', () => {
  it('--format json gives the issue shape', async () => {
    const r = await captureOutput(() =>
      measuresCommand([...BASE, '--label', 'E', '--eigendom', 'eigenaar-bewoner', '--format', 'json']),
    );
    expect(r.code).toBe(0);
    const body = WhatIfResponseSchema.parse(JSON.parse(r.stdout));
    expect(body.labelBefore).toBe('E');
    expect(body.measures.map((m) => m.id)).toContain('cavity-wall');
    expect(body.ecology).toMatchObject({
      route: 'pre-smp',
      earliestExclusion: '2025-03-16',
      earliestInsulation: '2025-03-21',
    });
  });

  it('gives an owner-occupier the net cost beside the gross, in JSON and in the table', async () => {
    const argv = [
      '--type',
      'tussenwoning',
      '--bouwjaar',
      '1965',
      '--oppervlakte',
      '100',
      '--date',
      '2026-03-01',
      '--eigendom',
      'eigenaar-bewoner',
    ];
    const json = await captureOutput(() => measuresCommand([...argv, '--format', 'json']));
    const body = WhatIfResponseSchema.parse(JSON.parse(json.stdout));
    expect(body.subsidies).toMatchObject({ tenure: 'owner-occupier', grossEur: body.package.costEur });
    expect(body.subsidies!.netEur).toBeLessThan(body.subsidies!.grossEur);
    expect(body.subsidies!.rulesUsed.map((u) => u.version)).toContain('isde-2026');
    const table = await captureOutput(() => measuresCommand(argv));
    expect(table.stdout).toMatch(/bruto € [\d.]+ − subsidie € [\d.]+ = netto € [\d.]+ voor de eigenaar/);
  });

  it('prints a Dutch table by default, with nl-NL numbers and the assumptions', async () => {
    const r = await captureOutput(() => measuresCommand([...BASE, '--label', 'E']));
    expect(r.stdout).toContain('spouwmuurisolatie');
    expect(r.stdout).toMatch(/€ \d\.\d{3}/); // thousands separator "."
    expect(r.stdout).toMatch(/\d+,\d jaar/); // decimal comma
    expect(r.stdout).toContain('natuurvrij maken vanaf 16-03-2025');
    expect(r.stdout).toContain('Aannames:');
  });

  it('explains why roof and floor do not apply to a middle-floor flat', async () => {
    const r = await captureOutput(() =>
      measuresCommand([
        '--type',
        'portiek',
        '--bouwjaar',
        '1962',
        '--oppervlakte',
        '65',
        '--verdieping',
        '1',
        '--bouwlagen',
        '4',
        '--date',
        '2025-03-01',
        '--format',
        'json',
      ]),
    );
    const body = JSON.parse(r.stdout) as { notApplicable: { id: string; reason: string }[] };
    expect(body.notApplicable).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: 'roof', reason: 'no-own-roof' }),
        expect.objectContaining({ id: 'floor', reason: 'no-ground-floor' }),
      ]),
    );
  });

  it.each([
    [
      ['--type', 'kasteel', '--bouwjaar', '1965', '--oppervlakte', '100'],
      /whatif\.type\.unknown: --type .*tussenwoning, hoekwoning/,
    ],
    [
      ['--type', 'portiek', '--bouwjaar', '1400', '--oppervlakte', '60'],
      /whatif\.bouwjaar\.range: --bouwjaar .*1500 to 2100/,
    ],
    [
      ['--type', 'portiek', '--bouwjaar', '2030', '--oppervlakte', '60', '--date', '2025-01-01'],
      /whatif\.bouwjaar\.future/,
    ],
    [
      ['--type', 'portiek', '--bouwjaar', 'oud', '--oppervlakte', '60'],
      /whatif\.bouwjaar\.invalid: --bouwjaar: expected an integer year, found "oud"/,
    ],
    [['--type', 'portiek', '--bouwjaar', '1965', '--oppervlakte', '0'], /whatif\.oppervlakte\.range/],
    [['--type', 'portiek', '--bouwjaar', '1965', '--oppervlakte', '12000'], /whatif\.oppervlakte\.range/],
    [
      ['--type', 'portiek', '--bouwjaar', '1965', '--oppervlakte', '60', '--label', 'H'],
      /whatif\.label\.unknown: --label .*A\+\+\+\+/,
    ],
    [
      ['--type', 'portiek', '--bouwjaar', '1965', '--oppervlakte', '60', '--eigendom', 'huurder'],
      /whatif\.eigendom\.unknown: .*corporatie/,
    ],
    [
      ['--type', 'portiek', '--bouwjaar', '1965', '--oppervlakte', '60', '--date', '01-03-2025'],
      /whatif\.date\.invalid/,
    ],
    [['--bouwjaar', '1965', '--oppervlakte', '60'], /whatif\.type\.missing/],
    [
      ['--type', 'portiek', '--bouwjaar', '1965', '--oppervlakte', '60', '--spouwmuur', 'N9'],
      /whatif\.elements\.cavityWall\.unknown: expected one of N0, N1/,
    ],
  ])('rejects %j with a coded usage error', async (argv, message) => {
    await expect(
      measuresCommand([...argv, ...(argv.includes('--date') ? [] : ['--date', '2025-03-01'])]),
    ).rejects.toThrow(message);
    await expect(measuresCommand(argv)).rejects.toBeInstanceOf(UsageError);
  });
});

describe('voorraad score', () => {
  const gpkg = join(tmp, 'proef.gpkg');
  writeDataset(gpkg, smallDataset());

  it('scores in the engine worker and writes JSON ranked by priority', async () => {
    const r = await captureOutput(() => scoreCommand(['--dataset', gpkg, '--format', 'json']));
    expect(r.code).toBe(0);
    const body = JSON.parse(r.stdout) as {
      dataset: { synthetic: boolean };
      count: number;
      dwellings: { priority: number }[];
    };
    expect(body.dataset.synthetic).toBe(true);
    expect(body.count).toBe(6);
    const p = body.dwellings.map((d) => d.priority);
    expect(p).toEqual([...p].sort((a, b) => b - a));
    expect(r.stderr).toContain('synthetische gegevens');
  });

  it('writes CSV for Dutch Excel: BOM, semicolons, decimal comma, a synthetic column', async () => {
    const r = await captureOutput(() => scoreCommand(['--dataset', gpkg, '--format', 'csv', '--buurt', 'BU16740300']));
    expect(r.stdout.startsWith('\uFEFFrang;vbo_id;buurtcode')).toBe(true);
    const lines = r.stdout.trim().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]!.endsWith(';synthetisch')).toBe(true);
    expect(lines[1]).toMatch(/;\d+,\d+;/);
    expect(lines[1]!.endsWith(';ja')).toBe(true);
  });

  it('writes GeoJSON points and filters by ownership and type', async () => {
    const r = await captureOutput(() =>
      scoreCommand(['--dataset', gpkg, '--format', 'geojson', '--eigendom', 'corporatie', '--type', 'portiek,galerij']),
    );
    const fc = JSON.parse(r.stdout) as {
      type: string;
      synthetic: boolean;
      features: { geometry: { type: string }; properties: { ownership: string; rank: number } }[];
    };
    expect(fc).toMatchObject({ type: 'FeatureCollection', synthetic: true });
    expect(fc.features.map((f) => f.properties.ownership)).toEqual(['corporatie', 'corporatie']);
    expect(fc.features[0]!.geometry.type).toBe('Point');
  });

  it('uses a weights file', async () => {
    const file = join(tmp, 'alleen-energiearmoede.json');
    writeFileSync(
      file,
      JSON.stringify({
        ...DEFAULT_WEIGHTS,
        factors: { energyPoverty: 1, labelGap: 0, gasSaving: 0, costEffectiveness: 0, ecologyEase: 0 },
      }),
    );
    const body = JSON.parse(
      (await captureOutput(() => scoreCommand(['--dataset', gpkg, '--weights', file]))).stdout,
    ) as { weights: { factors: Record<string, number> }; dwellings: { breakdown: Record<string, number> }[] };
    expect(body.weights.factors.energyPoverty).toBe(1);
    expect(body.dwellings.every((d) => d.breakdown.gasSaving === 0)).toBe(true);
  });

  it.each([
    ['{ "version": 1, ', /weights\.json: not valid JSON/],
    [
      JSON.stringify({ ...DEFAULT_WEIGHTS, factors: { ...DEFAULT_WEIGHTS.factors, gasSavng: 1 } }),
      /weights\.unknown-key: factors\.gasSavng: unknown key "gasSavng"; allowed: energyPoverty, labelGap, gasSaving/,
    ],
    [
      JSON.stringify({ ...DEFAULT_WEIGHTS, factors: { ...DEFAULT_WEIGHTS.factors, labelGap: -1 } }),
      /weights\.out-of-range: factors\.labelGap: expected a value ≥ 0/,
    ],
    [
      JSON.stringify({
        ...DEFAULT_WEIGHTS,
        factors: { energyPoverty: 0, labelGap: 0, gasSaving: 0, costEffectiveness: 0, ecologyEase: 0 },
      }),
      /weights\.all-zero/,
    ],
    [
      JSON.stringify({ ...DEFAULT_WEIGHTS, scales: { gasSavingFullM3PerYear: 500 } }),
      /weights\.missing: scales\.paybackWorstYears: required/,
    ],
    [
      JSON.stringify({
        ...DEFAULT_WEIGHTS,
        energyPoverty: { ...DEFAULT_WEIGHTS.energyPoverty, lowIncomeShareByBuurt: { Kalsdonk: 0.2 } },
      }),
      // Low-income shares are buurt parameters, not weights: the old key is refused by name.
      /weights\.unknown-key: energyPoverty\.lowIncomeShareByBuurt/,
    ],
  ])('rejects a malformed weights file (%#) naming the field', async (text, message) => {
    const file = join(tmp, `bad-${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(file, text);
    expect(() => readWeightsFile(file)).toThrow(message);
    await expect(scoreCommand(['--dataset', gpkg, '--weights', file])).rejects.toBeInstanceOf(UsageError);
  });

  it('rejects a missing weights file, an unknown buurt, format, ownership', async () => {
    await expect(scoreCommand(['--dataset', gpkg, '--weights', join(tmp, 'nope.json')])).rejects.toThrow(
      /weights\.file: --weights: cannot read/,
    );
    await expect(scoreCommand(['--dataset', gpkg, '--buurt', 'Kalsdonk'])).rejects.toThrow(/not a CBS buurt code/);
    await expect(scoreCommand(['--dataset', gpkg, '--buurt', 'BU16749999'])).rejects.toThrow(
      /no dwellings in the dataset; known: BU16740202, BU16740300/,
    );
    await expect(scoreCommand(['--dataset', gpkg, '--format', 'xlsx'])).rejects.toThrow(
      /--format: expected one of json, csv, geojson/,
    );
    await expect(scoreCommand(['--dataset', gpkg, '--eigendom', 'huurder'])).rejects.toThrow(
      /--eigendom: "huurder" is not one of eigenaar-bewoner/,
    );
  });
});
