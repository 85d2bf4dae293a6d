import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HESTIA_ELEMENT_LEVELS } from './hestia-element-levels.ts';
import { HESTIA_LABEL_FREQUENCIES } from './hestia-label-frequencies.ts';
import { MINIMUM_LEVELS_AFTER_1992 } from './minimum-levels-after-1992.ts';
import { parseHestiaLabelCsv, parseMinimumLevels, parseWoonElementLevels } from './hestia-csv.ts';
import { HESTIA_FILES } from './hestia-sources.ts';

// The shared reference folder sits beside the repo (../../../shared from this file); without it
// the embedded tables cannot be compared, so the consistency checks are skipped, not faked.
const haveShared = Object.values(HESTIA_FILES).every((f) => existsSync(f));
const read = (u: URL): string => readFileSync(u, 'utf8');

describe.skipIf(!haveShared)('embedded Hestia tables equal the shared CSVs', () => {
  it('label frequencies (20230523_Woningen_BAG.csv)', () => {
    expect(HESTIA_LABEL_FREQUENCIES).toEqual(parseHestiaLabelCsv(read(HESTIA_FILES.labels)));
  });
  it('element-level marginals (WoON 2020 combination table)', () => {
    expect(HESTIA_ELEMENT_LEVELS).toEqual(parseWoonElementLevels(read(HESTIA_FILES.elementCombinations)));
  });
  it('minimum levels after 1992', () => {
    expect(MINIMUM_LEVELS_AFTER_1992).toEqual(parseMinimumLevels(read(HESTIA_FILES.minimumLevels)));
  });
});

describe('embedded tables carry the published values', () => {
  it('has 6 types × 14 periods × 3 owners', () => {
    expect(HESTIA_LABEL_FREQUENCIES).toHaveLength(252);
  });
  it('post-war low/mid-rise flats: 24 % F and 27 % G (domain.md §5: ≈ 51 % F/G)', () => {
    const row = HESTIA_LABEL_FREQUENCIES.find(
      (r) => r.type === 'meergezins: laag en midden' && r.period === '1946 - 1964' && r.owner === 'wooncorp',
    );
    expect(row?.freq).toEqual([0, 0, 0.15, 0.13, 0.2, 0.24, 0.27]);
  });
  it('element marginals are distributions, and label G walls are mostly uninsulated', () => {
    for (const parts of Object.values(HESTIA_ELEMENT_LEVELS)) {
      for (const w of Object.values(parts)) expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);
    }
    expect(HESTIA_ELEMENT_LEVELS.G.cavityWall[0]).toBeGreaterThan(0.9);
    expect(HESTIA_ELEMENT_LEVELS.A.cavityWall[2]).toBeGreaterThan(0.7);
  });
  it('1992–2011 minimum is N2 for floor, roof and cavity wall (domain.md §5)', () => {
    expect(MINIMUM_LEVELS_AFTER_1992[0]).toMatchObject({
      from: 1992,
      to: 2011,
      levels: { floor: 'N2', pitchedRoof: 'N2', flatRoof: 'N2', cavityWall: 'N2' },
    });
  });
});
