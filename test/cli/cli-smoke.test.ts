import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * A few real child processes of the installed entry (bin/voorraad.js → tsx → cli/voorraad.ts): what a shell sees,
 * exit status included. Everything else about parsing and output runs in process (cli.test.ts and the command
 * tests), because each child pays the TypeScript loader's start-up.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin/voorraad.js');

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd: ROOT, env: { ...process.env, TZ: 'Europe/Amsterdam' }, timeout: 120_000 },
      (err, stdout, stderr) => {
        resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
      },
    );
  });
}

const tmp = mkdtempSync(join(tmpdir(), 'voorraad-cli-smoke-'));

describe('bin/voorraad.js as a child process', () => {
  it('exits 2 on a usage error, naming the option', async () => {
    const r = await run(['stats', '--group-by', 'buurt,naam']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown groupBy field "naam"; expected one of buurt, ownership');
  }, 120_000);

  it('voorraad run exits 0 when every target is met and 1 when one fails, writing its files', async () => {
    const ok = mkdtempSync(join(tmp, 'run-'));
    const good = await run(['run', 'scenarios/baseline.yaml', '--runs', '8', '--out', ok]);
    expect(good.stderr).toBe('');
    expect(good.code).toBe(0);
    expect(readdirSync(ok).sort()).toEqual(['baseline-doelen.csv', 'baseline.csv', 'baseline.json']);
    const failing = await run([
      'run',
      'test/scenarios/fixtures/failing-target.yaml',
      '--out',
      mkdtempSync(join(tmp, 'run-')),
    ]);
    expect(failing.code).toBe(1);
    expect(failing.stderr).toContain('target not met: kalsdonk-150-verkocht-2030');
  }, 240_000);
});
