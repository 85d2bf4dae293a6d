/**
 * Reads the shared Hestia CSVs into exactly the values the retrofit engine embeds, so the extractor
 * and the consistency test compare the same thing.
 */
import { readFileSync } from 'node:fs';
import { BUILD_PERIODS } from '../../engine/build-period.ts';
import { ELEMENT_LEVELS } from '../../engine/dwelling.ts';
import type { LabelFrequencyRow, MinimumLevelRow, WoonPart } from '../../engine/retrofit/data/types.ts';
import { parseHestiaLabelCsv, parseMinimumLevels, parseWoonElementLevels } from './hestia-csv.ts';
import { parseBoilerEfficiency, parseHotWaterDemand, parseHybridHeatPump, parseTnoMeasures } from './retrofit-csv.ts';
import { RETROFIT_FILES } from './retrofit-sources.ts';

const read = (u: URL): string => readFileSync(u, 'utf8');
const PERIOD_IDS: readonly string[] = BUILD_PERIODS.map((p) => p.id);

export function readRetrofitTables() {
  const performance = read(RETROFIT_FILES.performance);
  const labelFrequencies: LabelFrequencyRow[] = parseHestiaLabelCsv(read(RETROFIT_FILES.labels)).filter((r) => PERIOD_IDS.includes(r.period));
  const minimumLevels: MinimumLevelRow[] = parseMinimumLevels(read(RETROFIT_FILES.minimumLevels)).map((r) => ({
    from: r.from,
    to: r.to,
    levels: Object.fromEntries(Object.entries(r.levels).map(([k, v]) => [k, ELEMENT_LEVELS.indexOf(v)])) as Record<WoonPart, number>,
  }));
  return {
    tnoMeasures: parseTnoMeasures(read(RETROFIT_FILES.measures)),
    hybridHeatPump: parseHybridHeatPump(read(RETROFIT_FILES.installations), performance),
    boilerEfficiency: parseBoilerEfficiency(performance),
    hotWaterGj: parseHotWaterDemand(read(RETROFIT_FILES.labels), PERIOD_IDS),
    labelFrequencies,
    elementLevels: parseWoonElementLevels(read(RETROFIT_FILES.elementCombinations)),
    minimumLevels,
  };
}
