import { z } from 'zod';
import { Block, BlockGeometry, buildBlocks, type BlockSet } from '../../engine/blocks/blocks.ts';
import type { Dataset } from '../../engine/dataset.ts';
import { ApiError } from '../api-error.ts';
import type { AppContext } from '../app-context.ts';
import { ALL_ROLES } from '../auth/roles.ts';
import { utf8 } from '../loaded-dataset.ts';
import { BuurtList, checkKnownBuurten } from '../query-params.ts';
import { geoJson, route, routeGroup } from '../route-spec.ts';

export const BlockProperties = Block.omit({ geometry: true }).meta({ id: 'BlockProperties' });
export const BlockFeature = z
  .object({ type: z.literal('Feature'), id: z.string(), properties: BlockProperties, geometry: BlockGeometry })
  .meta({ id: 'BlockFeature' });
export const BlockFeatureCollection = z
  .object({ type: z.literal('FeatureCollection'), synthetic: z.boolean(), features: z.array(BlockFeature) })
  .describe('blocks (complex, bouwblok or pand) with their dwellings; every dwelling is in exactly one')
  .meta({ id: 'BlockFeatureCollection' });

export const BlocksQuery = z.object({
  buurt: BuurtList.optional().describe(
    'comma-separated CBS buurt codes; blocks with a dwelling in any of them (all blocks when absent)',
  ),
});
export const BlockParams = z.object({
  blockId: z.string().min(1).max(60).describe('a block id: BU16740202-B017, complex:<code> or pand:<BAG pand id>'),
});

const built = new WeakMap<Dataset, BlockSet>();
/** The blocks of a loaded dataset, built once and shared by the block and potential routes. */
export function datasetBlocks(ds: Dataset): BlockSet {
  let set = built.get(ds);
  if (!set) built.set(ds, (set = buildBlocks(ds)));
  return set;
}

const GEOJSON_HEADERS = { 'Content-Type': 'application/geo+json; charset=UTF-8' };

function feature({ geometry, ...properties }: Block): z.infer<typeof BlockFeature> {
  return { type: 'Feature', id: properties.blockId, properties, geometry };
}

/**
 * Blocks (engine/blocks/blocks.ts): the unit the potentiekaart scores and a drawn scenario selects. Dwelling ids
 * and counts only, the same register facts the dwelling tiles give every signed-in role. Built once per loaded
 * dataset; the whole collection is encoded once.
 */
export const BLOCK_ROUTES = routeGroup(
  (ctx: AppContext) => {
    const ds = ctx.data.dataset;
    const { blocks } = datasetBlocks(ds);
    const collection = (list: readonly Block[]) =>
      JSON.stringify({ type: 'FeatureCollection', synthetic: ds.meta.synthetic, features: list.map(feature) });
    return {
      blocks,
      byId: new Map(blocks.map((b) => [b.blockId, b])),
      known: new Set(ds.buurten.map((b) => b.buurtcode)),
      allBody: utf8(collection(blocks)),
      collection,
    };
  },
  [
    route({
      method: 'GET',
      path: '/api/blocks',
      access: ALL_ROLES,
      summary: 'Blocks (corporation complexes, bouwblokken, panden) with their dwellings, as GeoJSON',
      query: BlocksQuery,
      responses: { 200: geoJson(BlockFeatureCollection) },
      errors: [404],
      handler: (c, { query }, s) => {
        if (!query.buurt) return c.body(s.allBody, 200, GEOJSON_HEADERS);
        checkKnownBuurten(query.buurt, s.known);
        const wanted = new Set(query.buurt);
        const list = s.blocks.filter((b) => b.buurtcodes.some((code) => wanted.has(code)));
        return c.body(s.collection(list), 200, GEOJSON_HEADERS);
      },
    }),
    route({
      method: 'GET',
      path: '/api/blocks/{blockId}',
      access: ALL_ROLES,
      summary: 'One block with its dwellings (GeoJSON feature)',
      params: BlockParams,
      responses: { 200: geoJson(BlockFeature) },
      errors: [404],
      handler: (c, { params }, s) => {
        const block = s.byId.get(params.blockId);
        if (!block)
          throw new ApiError('block.unknown', `no block ${params.blockId} in the dataset`, ['params', 'blockId']);
        return c.body(JSON.stringify(feature(block)), 200, GEOJSON_HEADERS);
      },
    }),
  ],
);
