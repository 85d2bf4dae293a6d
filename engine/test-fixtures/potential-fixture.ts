import { buildBlocks } from '../blocks/blocks.ts';
import type { Dataset } from '../dataset.ts';
import { smallDataset } from './small-dataset.ts';
import { computeIndicators, type BlockIndicators, type BuurtSafetyRates } from '../potential/indicators.ts';
import { DEFAULT_POTENTIAL_WEIGHTS } from '../potential/potential-weights.ts';

/**
 * The small fixture in blocks, for the potential tests: dwellings 1–2 (Kalsdonk, corporation + owner, E and C) in
 * bouwblok B001, 3–4 (the mixed VvE) in B002, 5 and 6 (Westrand) each their own pand; Kalsdonk's nuisance rate 5%.
 */
export function potentialFixture(): { ds: Dataset; indicators: BlockIndicators[] } {
  const ds = smallDataset();
  ds.buildings.forEach((b, i) => {
    if (i < 4) b.blockId = `BU16740202-B00${i < 2 ? 1 : 2}`;
  });
  const safety = new Map<string, BuurtSafetyRates>([['BU16740202', { nuisanceRate: 0.05, vacancyRate: null }]]);
  const indicators = computeIndicators({
    blocks: buildBlocks(ds).blocks,
    dwellings: ds.dwellings,
    vves: ds.vves,
    buurten: ds.buurten,
    safety,
    safetySource: 'synthetic',
    referenceYear: 2026,
    parameters: DEFAULT_POTENTIAL_WEIGHTS.parameters,
  });
  return { ds, indicators };
}
