/**
 * The potentiekaart's API answer (GET/POST /api/potential), declared once: the server documents and answers it,
 * the map parses it (web/src/potential).
 */
import { z } from 'zod';
import { BLOCK_KINDS } from '../blocks/block-id.ts';
import { BlockGeometry } from '../blocks/blocks.ts';
import { INDICATOR_BASES } from './indicators.ts';
import { INDICATORS, INTERVENTIONS } from './interventions.ts';

const Indicator = z.enum(INDICATORS);
const IndicatorValueSchema = z.object({
  value: z.number().min(0).max(1).nullable().describe('0–1; null when the block has no data for it'),
  fact: z.string().describe('the fact behind the value, in Dutch'),
  basis: z.enum(INDICATOR_BASES),
});
export const PotentialBlockProperties = z
  .object({
    blockId: z.string(),
    kind: z.enum(BLOCK_KINDS),
    label: z.string(),
    buurtcodes: z.array(z.string()),
    programmeAreas: z.array(z.string()),
    dwellings: z.number().int(),
    potential: z.number().min(0).max(100).nullable().describe('0–100; null when no weighted indicator is known'),
    terms: z.array(
      z.object({
        indicator: Indicator,
        weightShare: z.number(),
        direction: z.enum(['hoog', 'laag']),
        value: z.number().nullable(),
        points: z.number().describe('points this indicator adds to the potential (0–100 scale)'),
      }),
    ),
    reasons: z.array(z.string()),
    indicators: z.record(Indicator, IndicatorValueSchema),
  })
  .meta({ id: 'PotentialBlockProperties' });

export const PotentialResponse = z
  .object({
    type: z.literal('FeatureCollection'),
    synthetic: z.boolean(),
    intervention: z.enum(INTERVENTIONS),
    weightsVersion: z.string(),
    referenceYear: z.number().int(),
    range: z
      .object({ min: z.number(), max: z.number() })
      .nullable()
      .describe('the legend: lowest and highest potential'),
    indicators: z.array(z.object({ id: Indicator, name: z.string(), source: z.string() })),
    features: z.array(
      z.object({
        type: z.literal('Feature'),
        id: z.string(),
        properties: PotentialBlockProperties,
        geometry: BlockGeometry,
      }),
    ),
  })
  .meta({ id: 'PotentialResponse' });
