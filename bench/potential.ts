import { buildBlocks } from '../engine/blocks/blocks.ts';
import type { Dataset } from '../engine/dataset.ts';
import { computeIndicators } from '../engine/potential/indicators.ts';
import { INTERVENTIONS } from '../engine/potential/interventions.ts';
import { scorePotential } from '../engine/potential/potential.ts';
import { DEFAULT_POTENTIAL_WEIGHTS } from '../engine/potential/potential-weights.ts';
import { PROGRAMME_AREAS } from '../geodata/boundaries/programme-areas.ts';
import { compare, type BenchFigure } from './measure.ts';

/**
 * Potentiekaart after a weight change (issue target: every block of Kalsdonk and Westrand in under 50 ms): the
 * potentials of all five interventions recomputed from the block indicators with changed weights, against one bare
 * pass reading every indicator value as the baseline. The indicators themselves are computed once per dataset.
 */
export async function benchPotential(ds: Dataset): Promise<BenchFigure[]> {
  const focus = new Set([...PROGRAMME_AREAS.Kalsdonk!, ...PROGRAMME_AREAS.Westrand!]);
  const blocks = buildBlocks(ds).blocks.filter((b) => b.buurtcodes.some((c) => focus.has(c)));
  const indicators = computeIndicators({
    blocks,
    dwellings: ds.dwellings,
    vves: ds.vves,
    buurten: ds.buurten,
    safety: null,
    safetySource: 'none',
    referenceYear: 2026,
    parameters: DEFAULT_POTENTIAL_WEIGHTS.parameters,
  });
  const changed = structuredClone(DEFAULT_POTENTIAL_WEIGHTS);
  let sink = 0;
  let step = 0;
  const figure = await compare(
    'potentiekaart: all five interventions after a weight change, Kalsdonk + Westrand, target < 50 ms',
    () => {
      changed.interventions.verkoop.corporationConcentration!.weight = 40 + (step++ % 10);
      for (const i of INTERVENTIONS) sink += scorePotential(indicators, changed, i).length;
    },
    'one pass reading every indicator value',
    () => {
      for (const b of indicators) for (const v of Object.values(b.values)) sink += v.value ?? 0;
    },
    15,
    { blocks: blocks.length, dwellings: blocks.reduce((n, b) => n + b.dwellings, 0) },
  );
  if (sink === -1) console.log(sink);
  return [{ ...figure, extra: { ...figure.extra, target: '< 50 ms', pass: figure.ms < 50 ? 'yes' : 'no' } }];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { generateShipped } = await import('../geodata/shipped.ts');
  const { SHIPPED_SEED } = await import('../geodata/shipped-seed.ts');
  for (const f of await benchPotential(generateShipped(SHIPPED_SEED))) console.log(JSON.stringify(f));
}
