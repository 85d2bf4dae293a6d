/**
 * Each measure's gas saving for the typical dwelling a public figure describes, against that figure
 * (measure-references.ts; sources in docs/sources.md, method in docs/retrofit-model.md). Every row must be within
 * ±35 % and the savings must add up. The hybrid heat pump's rows (a stock mean) and the README table check live in
 * test/retrofit/measure-reference-table.test.ts, which needs the synthetic stock.
 */
import { describe, expect, it } from 'vitest';
import { modelled, REFERENCE_ROWS } from './measure-references.ts';

describe('saving per measure and dwelling type against public figures', () => {
  it.each(REFERENCE_ROWS.map((r) => [`${r.type} ${r.measure}`, r] as const))('%s within ±35 %%', (key, r) => {
    const { ratio } = modelled(r);
    expect(ratio, `${key}: ratio ${ratio.toFixed(2)}`).toBeGreaterThanOrEqual(0.65);
    expect(ratio, `${key}: ratio ${ratio.toFixed(2)}`).toBeLessThanOrEqual(1.35);
  });

  it.each(REFERENCE_ROWS.map((r) => [`${r.type} ${r.measure}`, r] as const))(
    '%s: the package saves no more than the modelled use, and less than the sum of its measures',
    (_k, r) => {
      const x = modelled(r);
      expect(x.packageSaving).toBeLessThanOrEqual(x.gasUse);
      expect(x.packageSaving).toBeLessThan(x.measureSum);
    },
  );

  it('the typical cavity-wall dwellings have the wall area Milieu Centraal states', () => {
    for (const r of REFERENCE_ROWS.filter((x) => x.wallM2 !== undefined)) {
      expect(modelled(r).oppervlakte).toBeGreaterThan(50);
      expect(modelled(r).oppervlakte).toBeLessThan(200);
    }
  });
});
