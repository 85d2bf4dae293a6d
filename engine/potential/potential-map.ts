/**
 * The potentiekaart for one intervention: every block with its potential, breakdown, reasons and indicators, and
 * the real value range for the legend. What the API answers, the map draws and the exports write.
 */
import type { Block } from '../blocks/blocks.ts';
import type { BlockIndicators, IndicatorValue } from './indicators.ts';
import { INDICATOR_NL, INDICATOR_SOURCE_NL, INDICATORS, type IndicatorId, type Intervention } from './interventions.ts';
import { potentialRange, scorePotential, type BlockPotential } from './potential.ts';
import { weightsVersion, type PotentialWeights } from './potential-weights.ts';

export interface PotentialBlock extends Omit<Block, 'geometry' | 'vboIds'> {
  potential: number | null;
  terms: BlockPotential['terms'];
  reasons: string[];
  indicators: Record<IndicatorId, IndicatorValue>;
}

export interface PotentialMap {
  intervention: Intervention;
  weightsVersion: string;
  /** The legend's range: lowest and highest potential of the blocks shown; null when none has one. */
  range: { min: number; max: number } | null;
  /** The indicators in display order, with their Dutch name and source. */
  indicators: { id: IndicatorId; name: string; source: string }[];
  blocks: { block: PotentialBlock; geometry: Block['geometry'] }[];
}

export function potentialMap(
  blocks: readonly Block[],
  indicators: readonly BlockIndicators[],
  weights: PotentialWeights,
  intervention: Intervention,
): PotentialMap {
  if (blocks.length !== indicators.length) throw new RangeError('one indicator row per block expected');
  const scored = scorePotential(indicators, weights, intervention);
  return {
    intervention,
    weightsVersion: weightsVersion(weights),
    range: potentialRange(scored),
    indicators: INDICATORS.map((id) => ({ id, name: INDICATOR_NL[id], source: INDICATOR_SOURCE_NL[id] })),
    blocks: blocks.map(({ geometry, vboIds: _v, ...block }, i) => {
      const row = indicators[i]!;
      const s = scored[i]!;
      if (row.blockId !== block.blockId || s.blockId !== block.blockId)
        throw new Error(`indicator row ${row.blockId} does not belong to block ${block.blockId}`);
      return {
        block: { ...block, potential: s.potential, terms: s.terms, reasons: s.reasons, indicators: row.values },
        geometry,
      };
    }),
  };
}
