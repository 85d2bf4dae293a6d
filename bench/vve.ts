import type { Dataset } from '../engine/dataset.ts';
import { compare, type BenchFigure } from './measure.ts';
import { rankVves } from '../engine/vve/vve-assess.ts';
import { DEFAULT_VVE_CONFIG } from '../engine/vve/vve-config.ts';
import { vvePackages } from '../engine/vve/vve-retrofit.ts';

/**
 * The whole VvE pilot ranking of a dataset (every VvE: activity, package, loan, exact or Monte Carlo decision
 * probability, score) against its largest input alone, the retrofit figures of the member dwellings. Decides
 * where the API computes it: in-process and cached per server start (server/routes/vve-routes.ts).
 */
export async function benchVveRanking(ds: Dataset): Promise<BenchFigure[]> {
  const r = rankVves(ds, { config: DEFAULT_VVE_CONFIG });
  const methods = r.ok ? r.value.vves.map((v) => v.decision.method) : [];
  const mc = { ...DEFAULT_VVE_CONFIG, decision: { ...DEFAULT_VVE_CONFIG.decision, exactMaxVotes: 10 } };
  return [
    await compare(
      'VvE pilot ranking, whole dataset',
      () => rankVves(ds, { config: DEFAULT_VVE_CONFIG }),
      'retrofit figures of the member dwellings alone',
      () => vvePackages(ds, DEFAULT_VVE_CONFIG.package.measures),
      7,
      {
        vves: ds.vves.length,
        exact: methods.filter((m) => m === 'exact').length,
        monteCarlo: methods.filter((m) => m === 'monte-carlo').length,
      },
    ),
    await compare(
      'VvE ranking, exact decision probabilities where possible',
      () => rankVves(ds, { config: DEFAULT_VVE_CONFIG }),
      'same ranking, every probability by seeded Monte Carlo (10,000 draws)',
      () => rankVves(ds, { config: mc }),
      5,
    ),
  ];
}
