import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test/fixtures/importers/harness.ts';
import { writeXlsx } from '../../test/fixtures/importers/registers.ts';
import { zipProblem } from './zip-integrity.ts';

const dir = tempDir('zip');

describe('zipProblem', async () => {
  const good = await writeXlsx(join(dir, 'ok.xlsx'), [
    ['a', 'b'],
    ['1', '2'],
  ]);
  const bytes = readFileSync(good);
  const variant = (name: string, edit: (b: Buffer) => Buffer): string => {
    const f = join(dir, name);
    writeFileSync(f, edit(Buffer.from(bytes)));
    return f;
  };

  it('accepts a sound workbook', () => expect(zipProblem(good)).toBeNull());

  it('names a truncated file, a damaged entry and a damaged directory', () => {
    expect(zipProblem(variant('cut.xlsx', (b) => b.subarray(0, b.length - 10)))).toMatch(
      /end-of-central-directory|damaged/,
    );
    // The byte that made exceljs's streaming reader hang (inside a deflated entry).
    expect(
      zipProblem(
        variant('flip.xlsx', (b) => {
          b[1500] = b[1500]! ^ 0xff;
          return b;
        }),
      ),
    ).toMatch(/^entry .+: /);
    expect(
      zipProblem(
        variant('dir.xlsx', (b) => {
          const i = b.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
          b[i + 1] = 0;
          return b;
        }),
      ),
    ).toMatch(/damaged/);
    expect(zipProblem(variant('text.xlsx', () => Buffer.from('PK but not a zip')))).toMatch(/end-of-central-directory/);
  });
});
