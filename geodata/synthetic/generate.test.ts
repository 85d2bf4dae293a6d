import * as turf from '@turf/turf';
import { beforeAll, describe, expect, it } from 'vitest';
import { Building, Buurt, DatasetMeta, Dwelling, GROUND_BOUND_TYPES, Vve } from '../../engine/dwelling.ts';
import type { Dataset } from '../../engine/dataset.ts';
import { loadShippedBuurten } from '../boundaries/cbs-buurten.ts';
import { FOCUS_BUURTEN, PROGRAMME_AREAS } from '../boundaries/programme-areas.ts';
import { BUURT_PROFILES } from './buurt-profiles.ts';
import { minimumLevels } from './elements.ts';
import { GENERATED_BUURTEN, generateSyntheticDataset } from './generate.ts';

const DATA_DATE = '2025-01-01';
const buurten = loadShippedBuurten();
let ds: Dataset;

beforeAll(() => {
  const t0 = performance.now();
  ds = generateSyntheticDataset({ seed: 1, buurten, dataDate: DATA_DATE });
  console.log(
    `generateSyntheticDataset(seed 1): ${ds.dwellings.length} dwellings in ${(performance.now() - t0).toFixed(0)} ms`,
  );
});

const count = (codes: readonly string[]): number => ds.dwellings.filter((d) => codes.includes(d.buurtcode)).length;
const isFlat = (d: Dwelling): boolean => !GROUND_BOUND_TYPES.includes(d.type);

describe('schema and provenance', () => {
  it('meta marks the dataset synthetic, with seed, generator and attribution', () => {
    expect(DatasetMeta.parse(ds.meta)).toEqual({
      name: 'Synthetische voorraad Kalsdonk & Westrand',
      synthetic: true,
      seed: 1,
      generator: 'voorraad-synthetic@3',
      dataDate: DATA_DATE,
      attribution: [
        expect.stringContaining('CC-BY 4.0'),
        'Labelverdeling: PBL/TNO Hestia (WoON 2020)',
        'Synthetische woningen: geen echte adressen of eigenaren',
      ],
      buurtStock: expect.any(Array),
    });
    expect(ds.meta.buurtStock!.map((b) => [b.buurtcode, b.status])).toEqual(
      [...GENERATED_BUURTEN].sort().map((code) => [code, 'synthetisch']),
    );
  });
  it('every dwelling, building, VvE and buurt validates', () => {
    for (const d of ds.dwellings) expect(Dwelling.safeParse(d).error).toBeUndefined();
    for (const b of ds.buildings) expect(Building.safeParse(b).error).toBeUndefined();
    for (const v of ds.vves) expect(Vve.safeParse(v).error).toBeUndefined();
    for (const b of ds.buurten) expect(Buurt.safeParse(b).error).toBeUndefined();
  });
  it('everything is marked synthetic with the data date', () => {
    expect(ds.dwellings.every((d) => d.provenance === 'synthetic' && d.dataDate === DATA_DATE)).toBe(true);
    expect(ds.buildings.every((b) => b.provenance === 'synthetic')).toBe(true);
    expect(ds.vves.every((v) => v.provenance === 'synthetic')).toBe(true);
  });
  it('passes all buurten through and generates dwellings only in the focus buurten and the old centre', () => {
    expect(ds.buurten).toEqual(buurten);
    expect(new Set(ds.dwellings.map((d) => d.buurtcode))).toEqual(new Set([...FOCUS_BUURTEN, 'BU16740000']));
    expect(new Set(GENERATED_BUURTEN)).toEqual(new Set([...FOCUS_BUURTEN, 'BU16740000']));
  });
});

describe('geography', () => {
  it('every dwelling lies inside its buurt polygon and its pand footprint', () => {
    const buurtOf = new Map(buurten.map((b) => [b.buurtcode, b.geometry]));
    const pandOf = new Map(ds.buildings.map((b) => [b.pandId, b]));
    for (const d of ds.dwellings) {
      const pand = pandOf.get(d.pandId)!;
      expect(turf.booleanPointInPolygon(d.location, buurtOf.get(d.buurtcode)!)).toBe(true);
      expect(turf.booleanPointInPolygon(d.location, pand.footprint, { ignoreBoundary: true })).toBe(true);
      expect(pand.buurtcode).toBe(d.buurtcode);
      expect(pand.bouwjaar).toBe(d.bouwjaar);
    }
  });
  it('dwellings never share a point, and flats sit on a storey of their building', () => {
    expect(new Set(ds.dwellings.map((d) => d.location.join(','))).size).toBe(ds.dwellings.length);
    const storeys = new Map(ds.buildings.map((b) => [b.pandId, b.storeys]));
    for (const d of ds.dwellings) {
      if (isFlat(d)) expect(d.floorLevel).toBeLessThan(storeys.get(d.pandId)!);
      else expect(d.floorLevel).toBe(0);
    }
  });
  it('buildings do not overlap', () => {
    const polys = ds.buildings.map((b) => turf.polygon(b.footprint.coordinates));
    const boxes = polys.map((p) => turf.bbox(p));
    const overlaps: string[] = [];
    for (let i = 0; i < polys.length; i++) {
      for (let j = i + 1; j < polys.length; j++) {
        const [a, b] = [boxes[i]!, boxes[j]!];
        if (a[2] <= b[0] || b[2] <= a[0] || a[3] <= b[1] || b[3] <= a[1]) continue;
        const inter = turf.intersect(turf.featureCollection([polys[i]!, polys[j]!]));
        if (inter && turf.area(inter) > 0.5) overlaps.push(`${ds.buildings[i]!.pandId}×${ds.buildings[j]!.pandId}`);
      }
    }
    expect(overlaps).toEqual([]);
  });
});

describe('determinism', () => {
  it('the same seed gives a deep-equal, JSON-identical dataset', () => {
    const again = generateSyntheticDataset({ seed: 1, buurten, dataDate: DATA_DATE });
    expect(again).toEqual(ds);
    expect(JSON.stringify(again)).toBe(JSON.stringify(ds));
  });
  it('a different seed gives a different stock', () => {
    const other = generateSyntheticDataset({ seed: 2, buurten, dataDate: DATA_DATE });
    expect(JSON.stringify(other.dwellings)).not.toBe(JSON.stringify(ds.dwellings));
    expect(other.dwellings.map((d) => d.location)).not.toEqual(ds.dwellings.map((d) => d.location));
  });
  it('a buurt generated on its own equals the same buurt generated with the others', () => {
    const kalsdonk = buurten.filter((b) => b.buurtcode === 'BU16740202');
    const alone = generateSyntheticDataset({ seed: 1, buurten: kalsdonk, dataDate: DATA_DATE });
    expect(alone.dwellings).toEqual(ds.dwellings.filter((d) => d.buurtcode === 'BU16740202'));
    expect(alone.vves).toEqual(ds.vves.filter((v) => v.vveId.startsWith('VVE-0202-')));
  });
});

describe('scale and mix', () => {
  it('Kalsdonk has 1,500–2,000 dwellings, Westrand 3,500–4,000, together 5,000–6,000', () => {
    const focus = count(FOCUS_BUURTEN);
    expect(count(PROGRAMME_AREAS.Kalsdonk!)).toBeGreaterThanOrEqual(1500);
    expect(count(PROGRAMME_AREAS.Kalsdonk!)).toBeLessThanOrEqual(2000);
    expect(count(PROGRAMME_AREAS.Westrand!)).toBeGreaterThanOrEqual(3500);
    expect(count(PROGRAMME_AREAS.Westrand!)).toBeLessThanOrEqual(4000);
    expect(focus).toBeGreaterThanOrEqual(5000);
    expect(focus).toBeLessThanOrEqual(6000);
  });
  it('each buurt is within 10 % of its profile target', () => {
    for (const code of GENERATED_BUURTEN) {
      const target = BUURT_PROFILES[code]!.dwellingTarget;
      expect(Math.abs(count([code]) - target) / target, code).toBeLessThanOrEqual(0.1);
    }
  });
  it('tenure shares per area are within 8 points of the profile', () => {
    for (const area of ['Kalsdonk', 'Westrand-noord', 'Westrand-zuid', 'Centrum-Oud'] as const) {
      const codes = GENERATED_BUURTEN.filter((c) => BUURT_PROFILES[c]!.area === area);
      const ds_ = ds.dwellings.filter((d) => codes.includes(d.buurtcode));
      const shares = BUURT_PROFILES[codes[0]!]!.tenure;
      for (const [own, share] of Object.entries(shares)) {
        const got = ds_.filter((d) => d.ownership === own).length / ds_.length;
        expect(Math.abs(got - share), `${area} ${own}: ${got.toFixed(3)}`).toBeLessThanOrEqual(0.08);
      }
    }
  });
  it('flats are mostly corporation-owned; the corporation also owns terraced houses', () => {
    const flats = ds.dwellings.filter(isFlat);
    expect(flats.filter((d) => d.ownership === 'corporatie').length / flats.length).toBeGreaterThan(0.5);
    expect(ds.dwellings.some((d) => d.type === 'tussenwoning' && d.ownership === 'corporatie')).toBe(true);
  });
  it('build years follow the profiles: Kalsdonk 1952–1969 plus infill, Westrand mostly 1968–1979', () => {
    const westrand = ds.dwellings.filter((d) => PROGRAMME_AREAS.Westrand!.includes(d.buurtcode));
    expect(westrand.filter((d) => d.bouwjaar >= 1968 && d.bouwjaar <= 1979).length / westrand.length).toBeGreaterThan(
      0.8,
    );
    const kalsdonk = ds.dwellings.filter((d) => d.buurtcode === 'BU16740202');
    expect(kalsdonk.filter((d) => d.bouwjaar >= 1952 && d.bouwjaar <= 1969).length / kalsdonk.length).toBeGreaterThan(
      0.75,
    );
    expect(kalsdonk.some((d) => d.bouwjaar >= 1992)).toBe(true);
  });
});

describe('labels and elements', () => {
  it('post-war (1946–1974) flats have at least 35 % F/G labels', () => {
    const pw = ds.dwellings.filter((d) => isFlat(d) && d.bouwjaar >= 1946 && d.bouwjaar <= 1974);
    expect(pw.length).toBeGreaterThan(500);
    expect(
      pw.filter((d) => d.energyLabel.label === 'F' || d.energyLabel.label === 'G').length / pw.length,
    ).toBeGreaterThanOrEqual(0.35);
  });
  it('55–65 % of labels are registered, dated 2015..dataDate; imputed labels have no date', () => {
    const reg = ds.dwellings.filter((d) => d.energyLabel.source === 'registered');
    expect(reg.length / ds.dwellings.length).toBeGreaterThanOrEqual(0.55);
    expect(reg.length / ds.dwellings.length).toBeLessThanOrEqual(0.65);
    for (const d of reg) expect(d.energyLabel.date! >= '2015-01-01' && d.energyLabel.date! <= DATA_DATE).toBe(true);
    expect(
      ds.dwellings.filter((d) => d.energyLabel.source === 'imputed').every((d) => d.energyLabel.date === null),
    ).toBe(true);
  });
  it('dwellings built from 1992 respect the minimum element levels', () => {
    const roofOf = new Map(ds.buildings.map((b) => [b.pandId, b.roofShape]));
    const recent = ds.dwellings.filter((d) => d.bouwjaar >= 1992);
    expect(recent.length).toBeGreaterThan(20);
    for (const d of recent) {
      const min = minimumLevels(d.bouwjaar)!;
      const roofMin = roofOf.get(d.pandId) === 'hellend' ? min.pitchedRoof : min.flatRoof;
      expect(d.elements.cavityWall.level >= min.cavityWall, d.vboId).toBe(true);
      expect(d.elements.floor.level >= min.floor, d.vboId).toBe(true);
      expect(d.elements.roof.level >= roofMin, d.vboId).toBe(true);
      expect(d.elements.glazing.level >= min.glazing, d.vboId).toBe(true);
    }
  });
});

describe('ids, addresses and VvE links', () => {
  it('vboIds, pandIds and addresses are unique', () => {
    expect(new Set(ds.dwellings.map((d) => d.vboId)).size).toBe(ds.dwellings.length);
    expect(new Set(ds.buildings.map((b) => b.pandId)).size).toBe(ds.buildings.length);
    const key = (d: Dwelling): string =>
      `${d.address.postcode} ${d.address.huisnummer}${d.address.huisletter ?? ''}-${d.address.toevoeging ?? ''}`;
    expect(new Set(ds.dwellings.map(key)).size).toBe(ds.dwellings.length);
    expect(ds.dwellings.every((d) => d.vboId.startsWith('1674010') && d.pandId.startsWith('1674100'))).toBe(true);
  });
  it('every pand has dwellings and every dwelling a pand', () => {
    const withDwellings = new Set(ds.dwellings.map((d) => d.pandId));
    expect(ds.buildings.every((b) => withDwellings.has(b.pandId))).toBe(true);
    expect(withDwellings.size).toBe(ds.buildings.length);
  });
  it('every vveId exists and every member is a dwelling of that VvE in its panden', () => {
    const vves = new Map(ds.vves.map((v) => [v.vveId, v]));
    expect(vves.size).toBe(ds.vves.length);
    const byVbo = new Map(ds.dwellings.map((d) => [d.vboId, d]));
    for (const d of ds.dwellings) if (d.vveId !== null) expect(vves.has(d.vveId)).toBe(true);
    for (const v of ds.vves) {
      for (const m of v.members) {
        const d = byVbo.get(m.vboId)!;
        expect(v.pandIds).toContain(d.pandId);
        expect(d.vveId).toBe(v.vveId);
      }
      const inPanden = ds.dwellings.filter((d) => v.pandIds.includes(d.pandId));
      expect(v.members).toHaveLength(inPanden.length);
    }
  });
  it('split buildings have a VvE, fully corporation-owned ones do not', () => {
    const byPand = new Map<string, Dwelling[]>();
    for (const d of ds.dwellings) byPand.set(d.pandId, [...(byPand.get(d.pandId) ?? []), d]);
    for (const [, ds_] of byPand) {
      const split = ds_.length > 1 && ds_.some((d) => d.ownership !== 'corporatie');
      expect(ds_.every((d) => (d.vveId !== null) === split)).toBe(true);
    }
    expect([...byPand.values()].some((x) => x.length > 1 && x.every((d) => d.ownership === 'corporatie'))).toBe(true);
  });
  it("has at least 10 mixed corporation/private VvE's and a spread of sizes", () => {
    const own = new Map(ds.dwellings.map((d) => [d.vboId, d.ownership]));
    const mixed = ds.vves.filter((v) => {
      const o = v.members.map((m) => own.get(m.vboId));
      return o.includes('corporatie') && o.some((x) => x !== 'corporatie');
    });
    expect(mixed.length).toBeGreaterThanOrEqual(10);
    const sizes = ds.vves.map((v) => v.members.length);
    expect(Math.min(...sizes)).toBeLessThan(10);
    expect(Math.max(...sizes)).toBeGreaterThanOrEqual(30);
    expect(ds.vves.some((v) => v.mjopYear === null || v.lastAlvDate === null)).toBe(true);
  });
});
