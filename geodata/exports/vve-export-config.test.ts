import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_VVE_CONFIG } from '../../engine/vve/vve-config.ts';
import { VVE_CONFIG_FILE, VveConfigError, loadVveConfig } from './vve-export-config.ts';

const tmp = mkdtempSync(join(tmpdir(), 'vve-config-'));
const shipped = JSON.parse(readFileSync(VVE_CONFIG_FILE, 'utf8')) as Record<string, unknown>;
const write = (name: string, text: string): string => {
  const file = join(tmp, name);
  writeFileSync(file, text);
  return file;
};
/** The VveConfigError thrown by loadVveConfig(file); fails the test when nothing is thrown. */
const errorOf = (file: string): VveConfigError => {
  try {
    loadVveConfig(file);
  } catch (err) {
    if (err instanceof VveConfigError) return err;
    throw err;
  }
  throw new Error(`loadVveConfig(${file}) did not throw`);
};

describe('loadVveConfig', () => {
  it('reads the shipped file by default, equal to the engine defaults', () => {
    expect(loadVveConfig()).toEqual(DEFAULT_VVE_CONFIG);
    expect(loadVveConfig(VVE_CONFIG_FILE)).toEqual(DEFAULT_VVE_CONFIG);
  });

  it('reads a changed copy of the shipped file, its $comment keys ignored', () => {
    const file = write('pilot.json', JSON.stringify({ ...shipped, shortlistSize: 3, $comment: 'pilot 2026' }));
    const c = loadVveConfig(file);
    expect(c.shortlistSize).toBe(3);
    expect(c).toEqual({ ...DEFAULT_VVE_CONFIG, shortlistSize: 3 });
  });

  it('names the file, the code and the JSON path of a bad value, and keeps the issues', () => {
    const file = write('bad.json', JSON.stringify({ ...shipped, shortlistMinDecisionProbability: 2 }));
    const err = errorOf(file);
    expect(err.code).toBe('vve.config.out-of-range');
    expect(err.message).toMatch(/bad\.json: vve\.config\.out-of-range: shortlistMinDecisionProbability/);
    expect(err.issues[0]).toMatchObject({ code: 'vve.config.out-of-range', path: ['shortlistMinDecisionProbability'] });
  });

  it('reports every bad field, not just the first', () => {
    const file = write(
      'two.json',
      JSON.stringify({
        ...shipped,
        shortlistSize: 0,
        warmtefonds: { ...DEFAULT_VVE_CONFIG.warmtefonds, termYears: 12 },
      }),
    );
    const paths = errorOf(file).issues.map((i) => i.path?.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['shortlistSize', 'warmtefonds.termYears']));
  });

  it('rejects an unknown key and weights that do not add up to 100, naming their paths', () => {
    const extra = errorOf(write('extra.json', JSON.stringify({ ...shipped, shortlist: 5 })));
    expect(extra.code).toBe('vve.config.unknown-key');
    const weights = errorOf(
      write(
        'weights.json',
        JSON.stringify({
          ...shipped,
          score: { ...DEFAULT_VVE_CONFIG.score, weights: { ...DEFAULT_VVE_CONFIG.score.weights, size: 50 } },
        }),
      ),
    );
    expect(weights.code).toBe('vve.config.weights-sum');
    expect(weights.issues[0]!.path).toEqual(['score', 'weights']);
  });

  it('a missing file, broken JSON or a JSON value that is not an object is a coded error naming the file', () => {
    const missing = errorOf(join(tmp, 'none.json'));
    expect(missing).toMatchObject({ code: 'vve.config.not-found' });
    expect(missing.message).toContain('none.json');
    const broken = errorOf(write('broken.json', '{'));
    expect(broken.code).toBe('vve.config.json');
    expect(broken.message).toMatch(/broken\.json: not readable JSON/);
    const list = errorOf(write('list.json', '[]'));
    expect(list.message).toContain('list.json');
  });
});
