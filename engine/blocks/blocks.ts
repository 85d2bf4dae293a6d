/**
 * Blocks: every dwelling belongs to exactly one block, the unit of the potentiekaart and of scenarios drawn on
 * the map. Precedence per dwelling (engine/blocks/block-id.ts): its corporation complex from the portfolio
 * register, else the bouwblok recorded on its pand, else its pand. Pure: the same dataset gives the same blocks in
 * the same order with the same geometry.
 */
import { z } from 'zod';
import type { Dataset } from '../dataset.ts';
import type { Building, Dwelling } from '../dwelling.ts';
import { BLOCK_KINDS, blockKindOf, blockLabel, complexBlockId, pandBlockId, type BlockKind } from './block-id.ts';
import { convexHull, type Point } from './convex-hull.ts';

const Position = z.tuple([z.number(), z.number()]);
const Ring = z.array(Position).min(4);
export const BlockGeometry = z.union([
  z.object({ type: z.literal('Polygon'), coordinates: z.array(Ring).min(1) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(Ring).min(1)).min(2) }),
]);
export type BlockGeometry = z.infer<typeof BlockGeometry>;

export const Block = z.object({
  blockId: z.string().min(1),
  kind: z.enum(BLOCK_KINDS),
  /** Dutch name for cards and lists. */
  label: z.string(),
  /** CBS buurten of its dwellings, sorted (a complex can span buurten). */
  buurtcodes: z.array(z.string()).min(1),
  /** Programme areas of those buurten, sorted; empty outside the programme areas. */
  programmeAreas: z.array(z.string()),
  dwellings: z.number().int().min(1),
  /** Member dwellings (BAG verblijfsobject ids) in dataset order. */
  vboIds: z.array(z.string()).min(1),
  /**
   * Convex hull of the member panden's footprints; one polygon per bouwblok or pand the block's dwellings stand
   * in (a complex spread over several blocks is a MultiPolygon).
   */
  geometry: BlockGeometry,
});
export type Block = z.infer<typeof Block>;

export interface BlockSet {
  /** Sorted by kind (complex, bouwblok, pand), then id. */
  blocks: Block[];
  /** Block id per dwelling (vboId); every dwelling of the dataset has one. */
  blockOf: ReadonlyMap<string, string>;
}

/** Half the side of the square drawn around a dwelling whose pand footprint is unknown (degrees, ~3 m). */
const POINT_HALF_SIDE_DEG = 0.00003;

function dwellingBlockId(d: Dwelling, complexOf: ReadonlyMap<string, string>, pand: Building | undefined): string {
  const complex = complexOf.get(d.vboId);
  if (complex !== undefined) return complexBlockId(complex);
  if (pand?.blockId !== undefined) return pand.blockId;
  return pandBlockId(d.pandId);
}

/** Corners to hull for one dwelling: its pand's footprint, else a small square around its location. */
function cornersOf(d: Dwelling, pand: Building | undefined): Point[] {
  if (pand) return pand.footprint.coordinates[0]!.map((c) => [c[0], c[1]] as const);
  const [x, y] = d.location;
  const h = POINT_HALF_SIDE_DEG;
  return [
    [x - h, y - h],
    [x + h, y - h],
    [x + h, y + h],
    [x - h, y + h],
  ];
}

const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function buildBlocks(ds: Pick<Dataset, 'buurten' | 'buildings' | 'dwellings' | 'portfolio'>): BlockSet {
  const complexOf = new Map<string, string>();
  for (const p of ds.portfolio ?? []) if (p.complexCode !== null) complexOf.set(p.vboId, p.complexCode);
  const pandById = new Map(ds.buildings.map((b) => [b.pandId, b]));
  const areaOf = new Map(ds.buurten.map((b) => [b.buurtcode, b.programmeArea]));

  interface Acc {
    members: Dwelling[];
    /** Corners per part: the bouwblok or pand each member stands in. */
    parts: Map<string, Point[]>;
  }
  const acc = new Map<string, Acc>();
  const blockOf = new Map<string, string>();
  for (const d of ds.dwellings) {
    const pand = pandById.get(d.pandId);
    const id = dwellingBlockId(d, complexOf, pand);
    blockOf.set(d.vboId, id);
    let a = acc.get(id);
    if (!a) acc.set(id, (a = { members: [], parts: new Map() }));
    a.members.push(d);
    const part = pand?.blockId ?? pandBlockId(d.pandId);
    const corners = a.parts.get(part) ?? [];
    corners.push(...cornersOf(d, pand));
    a.parts.set(part, corners);
  }

  const blocks: Block[] = [];
  for (const [blockId, a] of acc) {
    const polygons = [...a.parts.keys()]
      .sort(compareIds)
      .map((k) => convexHull(a.parts.get(k)!))
      .filter((r): r is [number, number][] => r !== null)
      .map((ring) => [ring]);
    if (polygons.length === 0) throw new Error(`block ${blockId} has no area`);
    const buurtcodes = [...new Set(a.members.map((d) => d.buurtcode))].sort(compareIds);
    const programmeAreas = [
      ...new Set(buurtcodes.map((c) => areaOf.get(c) ?? null).filter((x): x is string => x !== null)),
    ].sort(compareIds);
    blocks.push({
      blockId,
      kind: blockKindOf(blockId) ?? fail(blockId),
      label: blockLabel(blockId),
      buurtcodes,
      programmeAreas,
      dwellings: a.members.length,
      vboIds: a.members.map((d) => d.vboId),
      geometry:
        polygons.length === 1
          ? { type: 'Polygon', coordinates: polygons[0]! }
          : { type: 'MultiPolygon', coordinates: polygons },
    });
  }
  const rank = (k: BlockKind) => BLOCK_KINDS.indexOf(k);
  blocks.sort((x, y) => rank(x.kind) - rank(y.kind) || compareIds(x.blockId, y.blockId));
  return { blocks, blockOf };
}

function fail(id: string): never {
  throw new Error(`malformed block id ${id}`);
}
