/**
 * The synthetic stock of one buurt: lay out strips, fill them with buildings until the dwelling target is
 * reached, then date, own, address, label and group them. Every random draw comes from a stream forked
 * from the seed by "<buurtcode>/<purpose>", so buurten never disturb each other.
 */
import type { Building, Buurt, Dwelling, Ownership, Vve } from '../../engine/dwelling.ts';
import { createRng, type Rng } from '../../engine/rng.ts';
import { assignAddresses, type EntranceInput } from './addresses.ts';
import { pandId, vboId } from './bag-ids.ts';
import {
  fillStrip,
  INFILL_KINDS,
  STRIP_KINDS,
  type PlannedComplex,
  type PlannedUnit,
  type StripKind,
} from './building-kinds.ts';
import type { BuurtProfile } from './buurt-profiles.ts';
import { drawElements } from './elements.ts';
import { rectToLonLatRing } from './geometry.ts';
import { drawLabel } from './labels.ts';
import { layoutBuurt, stripPoint, stripRect, type Strip } from './layout.ts';
import { syntheticBlockId } from '../../engine/blocks/block-id.ts';
import { assignTenure } from './tenure.ts';
import { buildVves } from './vves.ts';
import { wozBandOf, wozValueEur } from './woz.ts';

/** Galerij and maisonnette blocks need a full-length strip (m); shorter strips get a portiek flat instead. */
const LONG_KIND_MIN_LENGTH_M = 90;
/** Original-plan complexes deviate at most this many years from their street's base year. */
const STREET_YEAR_SPREAD = 2;

export interface BuurtStock {
  buildings: Building[];
  dwellings: Dwelling[];
  vves: Vve[];
}

interface StripPlan {
  strip: Strip;
  complexes: PlannedComplex[];
  infill: boolean;
  rng: Rng;
  units: number;
  order: number;
}

function planStrip(strip: Strip, profile: BuurtProfile, rng: Rng): StripPlan {
  const length = strip.rect.u1 - strip.rect.u0;
  let kind: StripKind =
    strip.facesSquare && rng.chance(profile.flatsAroundSquare)
      ? 'portiek'
      : STRIP_KINDS[rng.weighted(STRIP_KINDS.map((k) => profile.stripKinds[k] ?? 0))]!;
  if ((kind === 'galerij' || kind === 'maisonnette') && length < LONG_KIND_MIN_LENGTH_M) kind = 'portiek';
  const complexes = fillStrip(kind, length, rng, profile);
  const infill =
    (profile.infillKinds ?? INFILL_KINDS).includes(kind) ||
    (kind === 'terraced' && rng.chance(profile.infillTerracedShare));
  const units = complexes.reduce((n, c) => n + c.buildings.reduce((m, b) => m + b.units.length, 0), 0);
  // Flats around squares are built first; the rest in random order until the target is met.
  return { strip, complexes, infill, rng, units, order: (strip.facesSquare ? 0 : 1) + rng.next() };
}

const byPosition = (a: StripPlan, b: StripPlan): number =>
  a.strip.row - b.strip.row || a.strip.col - b.strip.col || a.strip.side.localeCompare(b.strip.side);

export function generateBuurtStock(buurt: Buurt, profile: BuurtProfile, seed: number, dataDate: string): BuurtStock {
  const code = buurt.buurtcode;
  const stream = (purpose: string): Rng => createRng(seed).fork(`${code}/${purpose}`);
  const layout = layoutBuurt(buurt.geometry, profile.squareShare, stream('layout'), profile.layout);

  // 1. Take strips in random order while each brings the count closer to the target; the rest stay open
  //    (green, schools, shops, parking).
  const plans = layout.strips
    .map((s) => planStrip(s, profile, stream(`strip/${s.key}`)))
    .sort((a, b) => a.order - b.order);
  const chosen: StripPlan[] = [];
  let total = 0;
  for (const plan of plans) {
    if (
      plan.units === 0 ||
      Math.abs(total + plan.units - profile.dwellingTarget) >= Math.abs(total - profile.dwellingTarget)
    )
      continue;
    chosen.push(plan);
    total += plan.units;
  }
  chosen.sort(byPosition);
  // Blocks numbered in grid order over the chosen strips only (no random draw, so no stream moves).
  const blockNumber = new Map<string, number>();
  for (const plan of chosen) {
    const cell = `${plan.strip.row}:${plan.strip.col}`;
    if (!blockNumber.has(cell)) blockNumber.set(cell, blockNumber.size + 1);
  }
  const blockIdOf = (strip: Strip): string => syntheticBlockId(code, blockNumber.get(`${strip.row}:${strip.col}`)!);

  // 2. Build years: one base year per street (a street is one plan phase), infill from the later range.
  const baseYear = new Map<number, number>();
  const yearOfStreet = (line: number): number => {
    if (!baseYear.has(line))
      baseYear.set(line, stream(`street/${line}`).int(profile.mainYears[0], profile.mainYears[1]));
    return baseYear.get(line)!;
  };
  const complexes = chosen.flatMap((plan) => {
    const [lo, hi] = plan.infill ? profile.infillYears : profile.mainYears;
    const base = plan.infill ? plan.rng.int(lo, hi) : yearOfStreet(plan.strip.streetLine);
    return plan.complexes.map((c) => ({
      ...c,
      plan,
      bouwjaar: Math.min(hi, Math.max(lo, base + plan.rng.int(-STREET_YEAR_SPREAD, STREET_YEAR_SPREAD))),
    }));
  });

  // 3. Tenure per complex, then per unit (right-to-buy sales).
  const tenure = assignTenure(
    complexes.map((c) => ({ kind: c.kind, units: c.buildings.reduce((n, b) => n + b.units.length, 0) })),
    profile.tenure,
    stream('tenure'),
  );

  // 4. Panden, dwelling skeletons and entrances.
  interface Draft {
    unit: PlannedUnit;
    strip: Strip;
    building: Building;
    ownership: Ownership;
    entrance: number;
    k: number;
    vboId: string;
  }
  const buildings: Building[] = [];
  const drafts: Draft[] = [];
  const entrances: EntranceInput[] = [];
  const { frame } = layout;
  const monuments = stream('monuments');
  complexes.forEach((c, ci) => {
    const strip = c.plan.strip;
    const owners = tenure[ci]!;
    let unitIndex = 0;
    for (const pb of c.buildings) {
      const building: Building = {
        pandId: pandId(code, buildings.length + 1),
        buurtcode: code,
        bouwjaar: c.bouwjaar,
        storeys: pb.storeys,
        roofShape: pb.roofShape,
        footprint: {
          type: 'Polygon',
          coordinates: [rectToLonLatRing(stripRect(strip, pb.s0, pb.s1, pb.d0, pb.d1), frame)],
        },
        facadeAzimuthDeg: frame.azimuthOf(0, strip.side === 'N' ? 1 : -1),
        blockId: blockIdOf(strip),
        provenance: 'synthetic',
      };
      if (profile.monumentShare !== undefined)
        building.monument = c.bouwjaar < 1940 && monuments.chance(profile.monumentShare);
      buildings.push(building);
      const firstEntrance = entrances.length;
      const groups = [...new Set(pb.units.map((u) => u.entrance))];
      for (const g of groups) {
        const members = pb.units.filter((u) => u.entrance === g);
        const s = members.reduce((a, u) => a + u.s, 0) / members.length;
        entrances.push({
          streetLine: strip.streetLine,
          col: strip.col,
          side: strip.side,
          u: strip.rect.u0 + s,
          unitFloors: members.map((u) => u.floorLevel),
          style: pb.addressStyle,
        });
      }
      const seen = new Map<number, number>();
      for (const unit of pb.units) {
        const k = seen.get(unit.entrance) ?? 0;
        seen.set(unit.entrance, k + 1);
        const entrance = firstEntrance + groups.indexOf(unit.entrance);
        drafts.push({
          unit,
          strip,
          building,
          ownership: owners[unitIndex++]!,
          entrance,
          k,
          vboId: vboId(code, drafts.length + 1),
        });
      }
    }
  });

  // 5. Addresses, labels, elements and WOZ per dwelling.
  const addresses = assignAddresses(entrances, profile, stream('addresses'));
  const attr = stream('attributes');
  const dwellings: Dwelling[] = drafts.map((d) => {
    const b = d.building;
    const energyLabel = drawLabel(
      { type: d.unit.type, storeys: b.storeys, bouwjaar: b.bouwjaar, ownership: d.ownership },
      dataDate,
      attr,
    );
    return {
      vboId: d.vboId,
      pandId: b.pandId,
      address: addresses[d.entrance]![d.k]!,
      buurtcode: code,
      bouwjaar: b.bouwjaar,
      oppervlakte: d.unit.areaM2,
      type: d.unit.type,
      ownership: d.ownership,
      vveId: null,
      energyLabel,
      elements: drawElements(
        { label: energyLabel.label, roofShape: b.roofShape, bouwjaar: b.bouwjaar, ownership: d.ownership },
        attr,
      ),
      wozBand: wozBandOf(wozValueEur(d.unit.type, d.unit.areaM2, b.bouwjaar, profile.wozFactor, attr)),
      floorLevel: d.unit.floorLevel,
      location: frame.toLonLat(stripPoint(d.strip, d.unit.s, d.unit.d)),
      provenance: 'synthetic',
      dataDate,
    };
  });

  // 6. VvE's for split multi-dwelling panden.
  const byPand = new Map<string, Dwelling[]>();
  for (const d of dwellings) {
    if (!byPand.has(d.pandId)) byPand.set(d.pandId, []);
    byPand.get(d.pandId)!.push(d);
  }
  const vves = buildVves(
    buildings.map((b) => ({ pandId: b.pandId, dwellings: byPand.get(b.pandId)! })),
    code,
    dataDate,
    stream('vves'),
  );
  const vveOfPand = new Map(vves.flatMap((v) => v.pandIds.map((p) => [p, v.vveId] as const)));
  for (const d of dwellings) d.vveId = vveOfPand.get(d.pandId) ?? null;
  return { buildings, dwellings, vves };
}
