import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from './main.ts';

// main() in-process (the CLI tests run bin/voorraad.js as a child process, which coverage does not see).
function capture(): { out: () => string; err: () => string } {
  let out = '',
    err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => {
    out += String(s);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => {
    err += String(s);
    return true;
  });
  return { out: () => out, err: () => err };
}
afterEach(() => vi.restoreAllMocks());

describe('voorraad main()', () => {
  it('prints the usage on stderr with exit 2 without a command, on stdout with exit 0 for --help', async () => {
    const io = capture();
    expect(await main([])).toBe(2);
    expect(io.err()).toContain('Usage:');
    expect(io.out()).toBe('');
    expect(await main(['--help'])).toBe(0);
    expect(io.out()).toContain('voorraad serve [--port N]');
  });

  it('refuses an unknown command, also one that is an Object.prototype key', async () => {
    const io = capture();
    expect(await main(['frobnicate'])).toBe(2);
    expect(await main(['toString'])).toBe(2);
    expect(io.err()).toMatch(/unknown command "frobnicate"[\s\S]*unknown command "toString"/);
  });

  it('maps an unknown option to exit 2 and a missing dataset to its code with exit 1', async () => {
    const io = capture();
    expect(await main(['stats', '--no-such-option'])).toBe(2);
    expect(io.err()).toMatch(/^voorraad stats: .*--no-such-option/m);
    const missing = join(mkdtempSync(join(tmpdir(), 'voorraad-main-')), 'missing.gpkg');
    expect(await main(['stats', '--dataset', missing])).toBe(1);
    expect(io.err()).toContain(`voorraad stats: dataset.missing: ${missing}: dataset file not found`);
  });
});
