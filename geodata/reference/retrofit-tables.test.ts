import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HOT_WATER_GJ, BOILER_EFFICIENCY, HYBRID_HEAT_PUMP } from '../../engine/retrofit/data/hestia-installations.ts';
import { ELEMENT_LEVEL_MARGINALS } from '../../engine/retrofit/data/hestia-element-levels.ts';
import { LABEL_FREQUENCIES } from '../../engine/retrofit/data/hestia-label-frequencies.ts';
import { MINIMUM_LEVELS } from '../../engine/retrofit/data/minimum-levels.ts';
import { TNO_MEASURES } from '../../engine/retrofit/data/tno-measures.ts';
import { RETROFIT_FILES } from './retrofit-sources.ts';
import { readRetrofitTables } from './retrofit-tables.ts';

// The shared reference folder sits beside the repo; without it the embedded copies cannot be compared,
// so the check is skipped, not faked.
const haveShared = Object.values(RETROFIT_FILES).every((f) => existsSync(f));

describe.skipIf(!haveShared)('the retrofit engine\'s embedded tables equal the shared Hestia CSVs', () => {
  const t = haveShared ? readRetrofitTables() : null;
  it('TNO measures (isolatiemaatregelen.csv)', () => expect(TNO_MEASURES).toEqual(t!.tnoMeasures));
  it('hybrid heat pump and boiler (Installatie.csv, Performance.csv)', () => {
    expect(HYBRID_HEAT_PUMP).toEqual(t!.hybridHeatPump);
    expect(BOILER_EFFICIENCY).toEqual(t!.boilerEfficiency);
  });
  it('hot water (20230523_Woningen_BAG.csv Vtw_asl)', () => expect(HOT_WATER_GJ).toEqual(t!.hotWaterGj));
  it('label frequencies, element-level marginals and minimum levels', () => {
    expect(LABEL_FREQUENCIES).toEqual(t!.labelFrequencies);
    expect(ELEMENT_LEVEL_MARGINALS).toEqual(t!.elementLevels);
    expect(MINIMUM_LEVELS).toEqual(t!.minimumLevels);
  });
});

describe('embedded retrofit tables carry the published values', () => {
  it('Hestia hybrid heat pump: €2,315 + €250/kW, 15 years (domain.md §5)', () => {
    expect(HYBRID_HEAT_PUMP).toMatchObject({ fixedCostEur: 2315, costPerKwEur: 250, lifetimeYears: 15 });
  });
  it('TNO: cavity Rc 0.36 → 1.3 → 1.8 → 3.5, HR++ U 1.2', () => {
    expect(TNO_MEASURES.MS.map((l) => l.value)).toEqual([0.36, 1.3, 1.8, 3.5, 6]);
    expect(TNO_MEASURES.RB[3].value).toBe(1.2);
  });
});
