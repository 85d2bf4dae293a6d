import { booleanPointInPolygon } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../dataset.ts';
import { smallDataset } from '../test-fixtures/small-dataset.ts';
import { Block, buildBlocks } from './blocks.ts';

/** The small fixture: panden 1-2 in one bouwblok, 3-4 in another, dwellings 3 and 5 in a corporation complex. */
function withBlocksAndComplex(): Dataset {
  const ds = smallDataset();
  ds.buildings[0]!.blockId = 'BU16740202-B001';
  ds.buildings[1]!.blockId = 'BU16740202-B001';
  ds.buildings[2]!.blockId = 'BU16740202-B002';
  ds.buildings[3]!.blockId = 'BU16740202-B002';
  ds.portfolio = [
    {
      vheNumber: 'V1',
      vboId: ds.dwellings[2]!.vboId,
      corporation: 'Alwel',
      complexCode: '1203',
      rentEur: 600,
      label: null,
      plannedMaintenanceYear: 2029,
      dataDate: '2025-01-01',
    },
    {
      vheNumber: 'V2',
      vboId: ds.dwellings[4]!.vboId,
      corporation: 'Alwel',
      complexCode: '1203',
      rentEur: 620,
      label: null,
      plannedMaintenanceYear: 2029,
      dataDate: '2025-01-01',
    },
  ];
  return ds;
}

describe('buildBlocks', () => {
  it('gives every dwelling one block: complex first, then bouwblok, then pand', () => {
    const ds = withBlocksAndComplex();
    const { blocks, blockOf } = buildBlocks(ds);
    expect(ds.dwellings.map((d) => blockOf.get(d.vboId))).toEqual([
      'BU16740202-B001',
      'BU16740202-B001',
      'complex:1203',
      'BU16740202-B002',
      'complex:1203',
      `pand:${ds.dwellings[5]!.pandId}`,
    ]);
    expect(blocks.map((b) => [b.blockId, b.kind, b.dwellings])).toEqual([
      ['complex:1203', 'complex', 2],
      ['BU16740202-B001', 'bouwblok', 2],
      ['BU16740202-B002', 'bouwblok', 1],
      [`pand:${ds.dwellings[5]!.pandId}`, 'pand', 1],
    ]);
    const total = blocks.reduce((n, b) => n + b.dwellings, 0);
    expect(total).toBe(ds.dwellings.length);
    for (const b of blocks) expect(Block.safeParse(b).error).toBeUndefined();
  });

  it('names buurten and programme areas; a complex across areas has both and one polygon per place', () => {
    const { blocks } = buildBlocks(withBlocksAndComplex());
    const complex = blocks.find((b) => b.kind === 'complex')!;
    expect(complex.label).toBe('Complex 1203');
    expect(complex.buurtcodes).toEqual(['BU16740202', 'BU16740300']);
    expect(complex.programmeAreas).toEqual(['Kalsdonk', 'Westrand']);
    expect(complex.geometry.type).toBe('MultiPolygon');
    const block = blocks.find((b) => b.blockId === 'BU16740202-B001')!;
    expect(block).toMatchObject({ label: 'Bouwblok 1', buurtcodes: ['BU16740202'], programmeAreas: ['Kalsdonk'] });
    expect(block.geometry.type).toBe('Polygon');
  });

  it('draws each block around its dwellings', () => {
    const ds = withBlocksAndComplex();
    const { blocks } = buildBlocks(ds);
    const at = new Map(ds.dwellings.map((d) => [d.vboId, d.location]));
    for (const b of blocks)
      for (const v of b.vboIds)
        expect(booleanPointInPolygon(at.get(v)!, b.geometry), `${v} in ${b.blockId}`).toBe(true);
  });

  it('draws a small square for a dwelling whose pand is missing', () => {
    const ds = smallDataset();
    ds.buildings = ds.buildings.slice(1);
    const { blocks } = buildBlocks(ds);
    const lone = blocks.find((b) => b.vboIds.includes(ds.dwellings[0]!.vboId))!;
    expect(lone.kind).toBe('pand');
    expect(booleanPointInPolygon(ds.dwellings[0]!.location, lone.geometry)).toBe(true);
  });

  it('is deterministic', () => {
    expect(JSON.stringify(buildBlocks(withBlocksAndComplex()).blocks)).toBe(
      JSON.stringify(buildBlocks(withBlocksAndComplex()).blocks),
    );
  });
});
