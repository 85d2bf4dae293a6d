import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, type CapturedRun } from './capture-output.ts';

/** The same argv through cli/main.ts in this process; an environment variable is set for the call and restored. */
async function run(args: string[], env: Record<string, string> = {}): Promise<CapturedRun> {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    return await runCli(args);
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

const tmp = mkdtempSync(join(tmpdir(), 'voorraad-cli-'));

describe('voorraad CLI: bad input gives a clear message and a non-zero exit', () => {
  it('rejects an invalid --port before doing anything', async () => {
    const r = await run(['serve', '--port', 'abc', '--no-web']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--port: expected a port number 0–65535, found "abc"');
  });

  it('rejects an invalid PORT environment variable', async () => {
    const r = await run(['serve', '--no-web'], { PORT: '70000' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('PORT: expected a port number 0–65535, found "70000"');
  });

  it('refuses to serve a missing dataset', async () => {
    const r = await run(['serve', '--port', '0', '--no-web', '--dataset', join(tmp, 'nope.gpkg')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/dataset\.missing: .*nope\.gpkg: dataset file not found/);
  });

  it('refuses to serve a corrupt dataset', async () => {
    const bad = join(tmp, 'corrupt.gpkg');
    writeFileSync(bad, 'dit is geen geopackage');
    const r = await run(['serve', '--port', '0', '--no-web', '--dataset', bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/dataset\.corrupt: .*corrupt\.gpkg/);
    expect(r.stdout).not.toContain('http://');
  });

  it('names an unknown groupBy field and the allowed ones', async () => {
    const r = await run(['stats', '--group-by', 'buurt,naam']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown groupBy field "naam"; expected one of buurt, ownership');
  });

  it('rejects an unknown format, option and command', async () => {
    expect((await run(['stats', '--format', 'xml'])).stderr).toContain(
      '--format: expected one of table, json, csv, found "xml"',
    );
    const opt = await run(['stats', '--kleur', 'rood']);
    expect(opt.code).toBe(2);
    expect(opt.stderr).toContain("Unknown option '--kleur'");
    const cmd = await run(['verkoop']);
    expect(cmd.code).toBe(2);
    expect(cmd.stderr).toContain('unknown command "verkoop"');
  });

  it('rejects a non-integer seed', async () => {
    const r = await run(['generate', '--seed', '1.5', '--out', join(tmp, 'x.gpkg')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--seed: expected an integer, found "1.5"');
  });
});
