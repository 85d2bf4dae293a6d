import { z } from 'zod';
import { STOCK_STATUSES } from '../engine/stock-status.ts';
import { BuurtCode, DwellingType, EnergyLabel, Ownership, WozBand } from '../engine/dwelling.ts';
import { STATS_FIELDS } from '../engine/dwelling-stats.ts';
import { BuurtList } from './query-params.ts';

/** Response and query schemas of the HTTP API; the OpenAPI document is generated from these. */
export const ErrorBody = z
  .object({
    code: z.string().describe('machine-readable error code, e.g. stats.groupBy.unknown'),
    message: z.string(),
    path: z.array(z.union([z.string(), z.number()])).optional(),
  })
  .meta({ id: 'Error' });

export const DatasetSummary = z
  .object({
    name: z.string(),
    synthetic: z.boolean().describe('true for the shipped synthetic dataset: no real dwellings, addresses or owners'),
    dataDate: z.string(),
    dwellings: z.number().int(),
    buildings: z.number().int(),
    vves: z.number().int(),
    attribution: z.array(z.string()),
    buurten: z
      .array(
        z.object({
          buurtcode: z.string(),
          buurtnaam: z.string(),
          status: z
            .enum(STOCK_STATUSES)
            .describe('geregistreerd: stock from registers; synthetisch: generated; gemengd: both; leeg: none yet'),
        }),
      )
      .describe('per buurt with a stock (or chosen in `voorraad dataset new`): registered or synthetic'),
  })
  .meta({ id: 'DatasetSummary' });

export const HealthResponse = z
  .object({
    status: z
      .enum(['ok', 'degraded'])
      .describe('degraded: the state store (users, sessions, audit log) cannot write; see problems'),
    problems: z.array(z.string()).optional(),
    version: z.string(),
    dataset: DatasetSummary,
  })
  .meta({ id: 'Health' });

const Geometry = z.object({ type: z.string(), coordinates: z.array(z.unknown()) });

export const BuurtFeatureCollection = z
  .object({
    type: z.literal('FeatureCollection'),
    synthetic: z.boolean(),
    features: z.array(
      z.object({
        type: z.literal('Feature'),
        id: z.string(),
        properties: z.object({
          buurtcode: BuurtCode,
          buurtnaam: z.string(),
          wijkcode: z.string(),
          programmeArea: z.string().nullable(),
          dwellings: z.number().int(),
        }),
        geometry: Geometry,
      }),
    ),
  })
  .meta({ id: 'BuurtFeatureCollection' });

export const DwellingProperties = z
  .object({
    vboId: z.string(),
    pandId: z.string(),
    buurtcode: BuurtCode,
    address: z.string(),
    postcode: z.string(),
    bouwjaar: z.number().int(),
    period: z.string(),
    type: DwellingType,
    ownership: Ownership,
    label: EnergyLabel,
    labelSource: z.enum(['registered', 'imputed']),
    vveId: z.string().describe('empty when the dwelling is not in a VvE'),
    oppervlakte: z.number().describe('m²'),
    wozBand: WozBand,
    floorLevel: z.number().int(),
    cavityWall: z.string(),
    roof: z.string(),
    floor: z.string(),
    glazing: z.string(),
    provenance: z.string(),
    dataDate: z.string(),
  })
  .meta({ id: 'DwellingProperties' });

export const DwellingFeatureCollection = z
  .object({
    type: z.literal('FeatureCollection'),
    synthetic: z.boolean(),
    features: z.array(
      z.object({
        type: z.literal('Feature'),
        id: z.string(),
        properties: DwellingProperties,
        geometry: z.object({ type: z.literal('Point'), coordinates: z.tuple([z.number(), z.number()]) }),
      }),
    ),
  })
  .meta({ id: 'DwellingFeatureCollection' });

export const DwellingsQuery = z.object({
  buurt: BuurtList.optional().describe(
    'comma-separated CBS buurt codes (at most 100, repeats ignored), e.g. BU16740202; all buurten when absent',
  ),
});

export const StatsQuery = z.object({
  groupBy: z
    .string()
    .optional()
    .describe(`comma-separated fields from: ${STATS_FIELDS.join(', ')}; default buurt`),
});

export const StatsResponse = z
  .object({
    synthetic: z.boolean(),
    groupBy: z.array(z.enum(STATS_FIELDS)),
    total: z.number().int(),
    rows: z.array(
      z.object({
        key: z.record(z.string(), z.string()),
        count: z.number().int(),
        meanOppervlakte: z.number(),
        medianBouwjaar: z.number(),
        shareLabelEFG: z.number(),
        shareLabelRegistered: z.number(),
      }),
    ),
  })
  .meta({ id: 'StatsResponse' });

export const DwellingTableResponse = z
  .object({ count: z.number().int() })
  .catchall(z.array(z.union([z.number(), z.string()])))
  .describe('columnar dwelling table for the browser engine worker')
  .meta({ id: 'DwellingTable' });
