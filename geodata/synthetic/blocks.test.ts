import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bbox, booleanDisjoint } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { buildBlocks } from '../../engine/blocks/blocks.ts';
import { smallDataset } from '../../engine/test-fixtures/small-dataset.ts';
import { loadShippedBuurten } from '../boundaries/cbs-buurten.ts';
import { readDataset, writeDataset } from '../dataset-store.ts';
import { generateSyntheticDataset } from './generate.ts';

/** The generator's blocks (generate-buurt.ts) on one buurt: named on every pand, apart from each other. */
const KALSDONK = 'BU16740202';
const ds = generateSyntheticDataset({
  seed: 1674,
  buurten: loadShippedBuurten().filter((b) => b.buurtcode === KALSDONK),
  dataDate: '2025-01-01',
});

describe('synthetic blocks', () => {
  it('names a block of its own buurt on every pand, numbered from 1 without gaps', () => {
    expect(ds.buildings.every((b) => b.blockId?.startsWith(`${KALSDONK}-B`))).toBe(true);
    const numbers = [...new Set(ds.buildings.map((b) => Number(b.blockId!.slice(-3))))].sort((a, b) => a - b);
    expect(numbers[0]).toBe(1);
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    expect(numbers.length).toBeGreaterThan(20);
  });

  it('gives blocks of street-block size that do not overlap', () => {
    const { blocks } = buildBlocks(ds);
    expect(blocks.every((b) => b.kind === 'bouwblok' && b.geometry.type === 'Polygon')).toBe(true);
    expect(blocks.reduce((n, b) => n + b.dwellings, 0)).toBe(ds.dwellings.length);
    const sizes = blocks.map((b) => b.dwellings).sort((a, b) => a - b);
    expect(sizes[Math.floor(sizes.length / 2)]).toBeGreaterThan(8);
    const boxes = blocks.map((b) => bbox(b.geometry));
    let near = 0;
    for (let i = 0; i < blocks.length; i++)
      for (let j = i + 1; j < blocks.length; j++) {
        const [a, b] = [boxes[i]!, boxes[j]!];
        if (a[2] < b[0] || b[2] < a[0] || a[3] < b[1] || b[3] < a[1]) continue;
        near++;
        const label = `${blocks[i]!.blockId} / ${blocks[j]!.blockId}`;
        expect(booleanDisjoint(blocks[i]!.geometry, blocks[j]!.geometry), label).toBe(true);
      }
    // The grid is rotated, so neighbouring blocks' boxes overlap: the exact check does run.
    expect(near).toBeGreaterThan(0);
  });

  it("keeps each pand's block through the dataset GeoPackage", () => {
    const small = smallDataset();
    small.buildings.forEach((b, i) => {
      if (i > 0) b.blockId = `${b.buurtcode}-B00${i}`;
    });
    const file = join(mkdtempSync(join(tmpdir(), 'voorraad-blocks-')), 'blocks.gpkg');
    writeDataset(file, small);
    const back = readDataset(file);
    expect(back.buildings.map((b) => b.blockId)).toEqual([
      undefined,
      ...small.buildings.slice(1).map((b) => b.blockId),
    ]);
  });
});
