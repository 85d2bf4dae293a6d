import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../engine/dataset.ts';
import { loadShippedBuurten } from '../boundaries/cbs-buurten.ts';
import { generateSyntheticSignals } from '../synthetic-signals/generate-signals.ts';
import { generateSyntheticDataset } from './generate.ts';

/**
 * Centrum-Oud in the synthetic stock: the character of an old centre, and not a record of the other buurten
 * changed by adding it (every draw is forked per buurt, generate-buurt.ts).
 */
const CENTRE = 'BU16740000';
const all = loadShippedBuurten();
const withCentre = generateSyntheticDataset({ seed: 1674, buurten: all, dataDate: '2025-01-01' });
const withoutCentre = generateSyntheticDataset({
  seed: 1674,
  buurten: all.filter((b) => b.buurtcode !== CENTRE),
  dataDate: '2025-01-01',
});
const centre = withCentre.dwellings.filter((d) => d.buurtcode === CENTRE);
const share = (pred: (d: Dataset['dwellings'][number]) => boolean): number =>
  centre.filter(pred).length / centre.length;

/** Hash of the records of every buurt except the centre (dwellings, panden, VvE's and signals). */
function othersHash(ds: Dataset): string {
  const isOther = (x: { buurtcode: string }) => x.buurtcode !== CENTRE;
  const otherVbo = new Set(ds.dwellings.filter(isOther).map((d) => d.vboId));
  const signals = generateSyntheticSignals(ds, { seed: 1674, dataDate: ds.meta.dataDate }).filter((s) =>
    otherVbo.has(s.vboId),
  );
  const vves = ds.vves.filter((v) => v.members.every((m) => otherVbo.has(m.vboId)));
  const json = JSON.stringify([ds.dwellings.filter(isOther), ds.buildings.filter(isOther), vves, signals]);
  return createHash('sha256').update(json).digest('hex');
}

describe('Centrum-Oud in the synthetic stock', () => {
  it('leaves the records of every other buurt byte-identical', () => {
    expect(withCentre.dwellings.length).toBeGreaterThan(withoutCentre.dwellings.length);
    expect(othersHash(withCentre)).toBe(othersHash(withoutCentre));
  });

  it('has an old-centre stock: pre-war, dwellings above shops, private rental, monuments, few corporation homes', () => {
    expect(centre.length).toBeGreaterThan(800);
    expect(centre.length).toBeLessThan(1000);
    expect(share((d) => d.bouwjaar < 1940)).toBeGreaterThan(0.75);
    expect(share((d) => d.type === 'overig' && d.floorLevel >= 1)).toBeGreaterThan(0.4);
    expect(share((d) => d.ownership === 'particuliere verhuur')).toBeGreaterThan(0.3);
    expect(share((d) => d.ownership === 'corporatie')).toBeLessThan(0.2);
    const panden = withCentre.buildings.filter((b) => b.buurtcode === CENTRE);
    const monuments = panden.filter((b) => b.monument === true);
    expect(monuments.length / panden.length).toBeGreaterThan(0.05);
    expect(monuments.every((b) => b.bouwjaar < 1940)).toBe(true);
    expect(withCentre.buildings.filter((b) => b.buurtcode !== CENTRE).every((b) => b.monument === undefined)).toBe(
      true,
    );
    expect(centre.every((d) => d.provenance === 'synthetic' && d.address.postcode.startsWith('4701'))).toBe(true);
  });

  it('has more vacancy and room-letting than the post-war buurten', () => {
    const signals = generateSyntheticSignals(withCentre, { seed: 1674, dataDate: '2025-01-01' });
    const buurtOf = new Map(withCentre.dwellings.map((d) => [d.vboId, d.buurtcode]));
    const rate = (inCentre: boolean, pred: (s: (typeof signals)[number]) => boolean): number => {
      const n = withCentre.dwellings.filter((d) => (d.buurtcode === CENTRE) === inCentre).length;
      return signals.filter((s) => (buurtOf.get(s.vboId) === CENTRE) === inCentre && pred(s)).length / n;
    };
    expect(rate(true, (s) => (s.vacancyMonths ?? 0) > 0)).toBeGreaterThan(
      2 * rate(false, (s) => (s.vacancyMonths ?? 0) > 0),
    );
    expect(rate(true, (s) => s.roomLettingPermit === true)).toBeGreaterThan(
      3 * rate(false, (s) => s.roomLettingPermit === true),
    );
  });
});
