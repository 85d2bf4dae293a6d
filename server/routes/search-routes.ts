import { z } from 'zod';
import { PLACE_KINDS, buildPlaceIndex, searchPlaces } from '../../engine/place-search.ts';
import type { AppContext } from '../app-context.ts';
import { ALL_ROLES } from '../auth/roles.ts';
import { json, route, routeGroup } from '../route-spec.ts';

export const SearchQuery = z.object({
  q: z.string().min(1).max(100).describe('what the user typed: an address, postcode, street or buurt (name or code)'),
});

const LonLatSchema = z.tuple([z.number(), z.number()]);
export const SearchResponse = z
  .object({
    synthetic: z.boolean(),
    places: z.array(
      z.object({
        kind: z.enum(PLACE_KINDS),
        label: z.string(),
        detail: z.string(),
        center: LonLatSchema,
        bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]),
        buurtcode: z.string().nullable(),
        vboId: z.string().nullable(),
      }),
    ),
  })
  .describe('places matching the query, best first (at most 10)')
  .meta({ id: 'SearchResponse' });

/**
 * Map search (addresses, postcodes, streets, buurten): the same addresses the dwelling tiles carry for every
 * signed-in role. The index is built once per loaded dataset; a query is a bounded walk over ~4 entries per dwelling.
 */
export const SEARCH_ROUTES = routeGroup(
  (ctx: AppContext) => ({
    synthetic: ctx.data.dataset.meta.synthetic,
    index: buildPlaceIndex(ctx.data.dataset.dwellings, ctx.data.dataset.buurten),
  }),
  [
    route({
      method: 'GET',
      path: '/api/search',
      access: ALL_ROLES,
      summary: 'Find an address, postcode, street or buurt on the map',
      query: SearchQuery,
      responses: { 200: json(SearchResponse) },
      handler: (c, { query }, s) => c.json({ synthetic: s.synthetic, places: searchPlaces(s.index, query.q, 10) }),
    }),
  ],
);
