import { readDataset } from '../geodata/dataset-store.ts';
import { SHIPPED_DATASET, ensureShippedDataset } from '../geodata/shipped.ts';
import { benchDatasetLoad } from '../geodata/dataset-store.bench.ts';
import { benchBuurtStats } from './dwelling-stats.ts';
import { benchStartup } from '../server/startup.bench.ts';
import { benchImports } from '../geodata/importers/import.bench.ts';
import { benchScoring } from './scoring.ts';
import { benchScenarios } from './scenarios.ts';
import { benchVveRanking } from './vve.ts';
import { benchWhatIf } from './what-if.ts';
import { benchPlanner } from './planner.ts';
import { benchLoad } from './load.ts';
import { benchMapFirstView } from './map-first-view.ts';
import { benchMonitorFigures } from './monitor.ts';
import { benchProgressReport } from './progress-report.ts';
import { benchPotential } from './potential.ts';
import type { BenchFigure } from './measure.ts';

// `npm run bench`: every figure with its baseline measured in the same run (medians, interleaved).
ensureShippedDataset();
const ds = readDataset(SHIPPED_DATASET);
const figures: BenchFigure[] = [];
figures.push(await benchDatasetLoad(SHIPPED_DATASET));
figures.push(await benchBuurtStats(ds));
figures.push(await benchStartup());
figures.push(...(await benchScoring()));
figures.push(...(await benchScenarios()));
figures.push(...(await benchImports()));
figures.push(...(await benchPlanner()));
figures.push(...(await benchVveRanking(ds)));
figures.push(...(await benchWhatIf()));
figures.push(...(await benchMonitorFigures()));
figures.push(...(await benchProgressReport()));
figures.push(...(await benchPotential(ds)));
// Headless Chromium: sign-in to a usable map and to idle against a bare MapLibre page with the same tiles.
figures.push(...(await benchMapFirstView()));
// Last: autocannon against the real server in child processes (about 3 minutes; also `npm run bench:load`).
figures.push(...(await benchLoad()));

const fmt = (x: number) => x.toFixed(x < 10 ? 2 : 0);
for (const f of figures) {
  console.log(
    `${f.name}\n  ${fmt(f.ms)} ms (median of ${f.runs})  vs ${f.baselineName}: ${fmt(f.baselineMs)} ms  → ratio ${f.ratio.toFixed(2)}${f.extra ? `  ${JSON.stringify(f.extra)}` : ''}`,
  );
}
console.log(JSON.stringify({ figures }, null, 0));
