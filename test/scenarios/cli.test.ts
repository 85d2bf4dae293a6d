import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, type CapturedRun } from '../cli/capture-output.ts';

const FIX = 'test/scenarios/fixtures';

/** `voorraad run|compare …` through cli/main.ts in this process (cwd is the repository root, as paths below assume). */
const cli = (args: string[]): Promise<CapturedRun> => runCli(args);
const tmp = () => mkdtempSync(join(tmpdir(), 'voorraad-run-'));

describe('voorraad run', () => {
  it('exits 0 when every target is met, prints the table and writes JSON and CSV', async () => {
    const out = tmp();
    const r = await cli(['run', 'scenarios/baseline.yaml', '--runs', '8', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Basis — huidig beleid (scenarios/baseline.yaml) — 8 runs, seed 20250101, 2025–2045');
    expect(r.stdout).toMatch(
      /Beleidsregels \(config\/rules\): \d+ versies, .*prestatieafspraken: labels E\/F\/G weg uiterlijk 2028\./,
    );
    expect(r.stdout).not.toContain('vraagt een aanwijzing');
    // The shipped synthetic data has no rent register: every rent is imputed, and the run says so.
    expect(r.stdout).toContain('Huren: 0 uit een huurregister, 5.561 geschat uit oppervlakte en label');
    expect(r.stdout).toMatch(/✓\s+kalsdonk-sociale-huur-2035\s+Sociale huur Kalsdonk 2035 ≥ 50,0\s?%\s+1,00\s+0,95/);
    expect(r.stdout).toContain('Let op: synthetische gegevens');
    expect(readdirSync(out).sort()).toEqual(['baseline-doelen.csv', 'baseline.csv', 'baseline.json']);
    const json = JSON.parse(readFileSync(join(out, 'baseline.json'), 'utf8')) as {
      scenario: { runs: number };
      targets: { met: boolean }[];
    };
    expect(json.scenario.runs).toBe(8);
    expect(json.targets.every((t) => t.met)).toBe(true);
    expect(readFileSync(join(out, 'baseline.csv'), 'utf8')).toMatch(/^\uFEFFscenario;gebied;/);
  }, 120_000);

  it('exits 1 when a target fails, naming it and its probability', async () => {
    const out = tmp();
    const r = await cli(['run', `${FIX}/failing-target.yaml`, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^test\/scenarios\/fixtures\/failing-target\.yaml: target not met: kalsdonk-150-verkocht-2030 \(sold Kalsdonk 2030 min 150\): probability 0(\.\d+)? < required 0\.9$/m,
    );
    expect(r.stderr).not.toContain('kalsdonk-geen-corporatiebuurt-2030');
    expect(r.stdout).toMatch(/✗\s+kalsdonk-150-verkocht-2030/);
    expect(existsSync(join(out, 'failing-target.json'))).toBe(true);
  }, 120_000);

  it('exits 2 for invalid files with file:line:column, the JSON path and a code, and runs nothing', async () => {
    const out = tmp();
    const files = ['oversell', 'outside-horizon', 'unknown-metric', 'unknown-area', 'syntax'].map(
      (f) => `${FIX}/invalid/${f}.yaml`,
    );
    const r = await cli(['run', 'scenarios/baseline.yaml', ...files, '--out', out]);
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toEqual([
      `${FIX}/invalid/oversell.yaml:11:12: scenario.count.exceeds-stock: sells 5000 sociale-huur dwellings (tussenwoning, hoekwoning) in Kalsdonk, but only 306 qualify (at $.interventions[0].count)`,
      expect.stringMatching(
        /^test\/scenarios\/fixtures\/invalid\/outside-horizon\.yaml:10:11: scenario\.year\.outside-horizon: year 2040 is outside the horizon 2026–2035 .*\(at \$\.interventions\[0\]\.year\)$/,
      ),
      `${FIX}/invalid/outside-horizon.yaml:14:11: scenario.year.outside-horizon: year 2020 is outside the horizon 2025–2035 (at $.targets[0].year)`,
      expect.stringMatching(
        /^test\/scenarios\/fixtures\/invalid\/unknown-metric\.yaml:7:13: scenario\.metric\.unknown: unknown metric "lage-inkomens"; expected one of .* \(at \$\.targets\[0\]\.metric\)$/,
      ),
      expect.stringMatching(
        /^test\/scenarios\/fixtures\/invalid\/unknown-area\.yaml:8:11: scenario\.area\.unknown: unknown area "Kalsdonk-Noord"; expected one of Kalsdonk, Westrand, .* \(at \$\.interventions\[0\]\.area\)$/,
      ),
      expect.stringMatching(/^test\/scenarios\/fixtures\/invalid\/syntax\.yaml:3:1: scenario\.yaml\.syntax: /),
    ]);
    expect(r.stdout).toBe('');
    expect(readdirSync(out)).toEqual([]);
  }, 120_000);

  it('rejects bad arguments with exit 2', async () => {
    expect((await cli(['run'])).code).toBe(2);
    const runs = await cli(['run', 'scenarios/baseline.yaml', '--runs', 'veel']);
    expect(runs.code).toBe(2);
    expect(runs.stderr).toContain('--runs: expected an integer, found "veel"');
    const twice = await cli(['run', 'scenarios/baseline.yaml', './scenarios/baseline.yaml', '--runs', '2']);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('two scenario files are named baseline');
    const missing = await cli(['run', 'scenarios/bestaat-niet.yaml']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^scenarios\/bestaat-niet\.yaml: scenario\.file\.unreadable: /);
  }, 120_000);
});

describe('voorraad compare', () => {
  it('prints two scenarios side by side for an area and years, from YAML or from run results', async () => {
    const out = tmp();
    const run = await cli(['run', 'scenarios/baseline.yaml', '--runs', '8', '--out', out]);
    expect(run.code).toBe(0);
    const r = await cli([
      'compare',
      join(out, 'baseline.json'),
      'scenarios/kalsdonk-verkopen-differentieren.yaml',
      '--runs',
      '8',
      '--area',
      'Kalsdonk',
      '--years',
      '2030,2035',
    ]);
    // B steers inflow: the only warning says the cap needs a Rotterdamwet designation Roosendaal does not hold.
    const warned = r.stderr.split('\n').filter(Boolean);
    expect(warned.length).toBeGreaterThan(0);
    for (const line of warned) expect(line).toContain('scenario.designation.needed');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('A: Basis — huidig beleid (8 runs)');
    expect(r.stdout).toContain('B: Verkopen en differentiëren Kalsdonk (8 runs)');
    expect(r.stdout).toMatch(/Kalsdonk\s+Corporatiebezit\s+2030\s+55,1%\s+46,5%\s+-8,6 %-punt/);
    expect(r.stdout).not.toContain('Westrand');
    const bad = await cli([
      'compare',
      'scenarios/baseline.yaml',
      'scenarios/westrand-sloop-nieuwbouw.yaml',
      '--area',
      'Oost',
      '--runs',
      '2',
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--area: "Oost" is not in both results');
  }, 120_000);
});
