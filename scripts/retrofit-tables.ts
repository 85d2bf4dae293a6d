/**
 * Reads the Hestia CSVs (docs/sources.md) into exactly the values retrofit-extract.ts embeds in
 * engine/hestia/.
 */
import { readFileSync } from 'node:fs';
import { BUILD_PERIODS } from '../engine/build-period.ts';
import {
  parseBoilerEfficiency,
  parseHotWaterDemand,
  parseHybridHeatPump,
  parseTnoMeasures,
} from '../engine/hestia/retrofit-csv.ts';
import { RETROFIT_FILES } from './retrofit-sources.ts';

const read = (u: URL): string => readFileSync(u, 'utf8');
const PERIOD_IDS: readonly string[] = BUILD_PERIODS.map((p) => p.id);

export function readRetrofitTables() {
  const performance = read(RETROFIT_FILES.performance);
  return {
    tnoMeasures: parseTnoMeasures(read(RETROFIT_FILES.measures)),
    hybridHeatPump: parseHybridHeatPump(read(RETROFIT_FILES.installations), performance),
    boilerEfficiency: parseBoilerEfficiency(performance),
    hotWaterGj: parseHotWaterDemand(read(RETROFIT_FILES.labels), PERIOD_IDS),
  };
}
