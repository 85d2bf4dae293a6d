import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureOutput } from '../test/cli/capture-output.ts';
import { main } from './main.ts';

// main() in-process (the CLI tests run bin/voorraad.js as a child process, which coverage does not see).
describe('voorraad main()', () => {
  it('prints the usage on stderr with exit 2 without a command, on stdout with exit 0 for --help', async () => {
    const none = await captureOutput(() => main([]));
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('Usage:');
    expect(none.stdout).toBe('');
    const help = await captureOutput(() => main(['--help']));
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('voorraad serve [--port N]');
  });

  it('refuses an unknown command, also one that is an Object.prototype key', async () => {
    const unknown = await captureOutput(() => main(['frobnicate']));
    const inherited = await captureOutput(() => main(['toString']));
    expect([unknown.code, inherited.code]).toEqual([2, 2]);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
    expect(inherited.stderr).toContain('unknown command "toString"');
  });

  it('maps an unknown option to exit 2 and a missing dataset to its code with exit 1', async () => {
    const option = await captureOutput(() => main(['stats', '--no-such-option']));
    expect(option.code).toBe(2);
    expect(option.stderr).toMatch(/^voorraad stats: .*--no-such-option/m);
    const missing = join(mkdtempSync(join(tmpdir(), 'voorraad-main-')), 'missing.gpkg');
    const absent = await captureOutput(() => main(['stats', '--dataset', missing]));
    expect(absent.code).toBe(1);
    expect(absent.stderr).toContain(`voorraad stats: dataset.missing: ${missing}: dataset file not found`);
  });
});
