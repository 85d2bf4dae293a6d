import { describe, expect, it } from 'vitest';
import { imputeElements, imputeLabel, imputeWozBand } from './impute.ts';

describe('imputation (deterministic, marked as estimates)', () => {
  it('takes the most frequent Hestia label for type × period × owner', () => {
    const a = imputeLabel('portiek', 3, 1968, 'overig');
    expect(a).toEqual({ label: 'G', source: 'imputed', date: null });
    expect(imputeLabel('portiek', 3, 1968, 'overig')).toEqual(a);
    expect(imputeLabel('vrijstaand', 2, 2018, 'eigenaar-bewoner').label).toBe('A');
  });

  it('takes the most frequent element level for the label, raised to the post-1992 minimum, all assumed', () => {
    expect(imputeElements('D', 'hellend', 1965)).toEqual({
      cavityWall: { level: 'N0', status: 'assumed' },
      roof: { level: 'N0', status: 'assumed' },
      floor: { level: 'N0', status: 'assumed' },
      glazing: { level: 'N1', status: 'assumed' },
    });
    // minimale_bouwdeelkwaliteit_na_1992.csv: 1992–2011 at least N2 for floor, roof and cavity wall.
    const after = imputeElements('D', 'plat', 1995);
    expect([after.cavityWall.level, after.roof.level, after.floor.level]).toEqual(['N2', 'N2', 'N2']);
  });

  it('keeps element levels that are known', () => {
    const known = { level: 'N3' as const, status: 'known' as const };
    const e = imputeElements('G', 'hellend', 1960, {
      cavityWall: known,
      roof: { level: 'N0', status: 'assumed' },
      floor: known,
      glazing: known,
    });
    expect(e.cavityWall).toBe(known);
    expect(e.roof.status).toBe('assumed');
  });

  it('bands WOZ without noise', () => {
    expect(imputeWozBand('tussenwoning', 100, 1962)).toBe(imputeWozBand('tussenwoning', 100, 1962));
    expect(imputeWozBand('vrijstaand', 160, 1995)).toBe('>=400k');
  });
});
