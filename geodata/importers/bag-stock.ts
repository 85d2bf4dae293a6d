import type { Building } from '../../engine/dwelling.ts';
import type { BagVbo, RawPand } from './bag-records.ts';
import { parseYear, prop } from './bag-records.ts';
import { floorLevelOf, ResidentialPanden, type PandClass, type PandInput } from './dwelling-type-rule.ts';
import type { Rejection } from './import-tally.ts';

/** A BAG dwelling ready to merge: its BAG attributes plus the pand's imputed type, storeys and the dwelling's floor. */
export interface BagDwelling {
  vbo: BagVbo;
  bouwjaar: number;
  pand: PandClass;
  floorLevel: number;
}

export interface BagStock {
  dwellings: BagDwelling[];
  /** Buildings (BAG-registered footprint and build year; storeys, roof and façade imputed). */
  buildings: Building[];
}

const byAddress = (a: BagVbo, b: BagVbo) =>
  a.address.huisnummer - b.address.huisnummer ||
  (a.address.huisletter ?? '').localeCompare(b.address.huisletter ?? '') ||
  (a.address.toevoeging ?? '').localeCompare(b.address.toevoeging ?? '', 'nl', { numeric: true }) ||
  a.vboId.localeCompare(b.vboId);

/**
 * Groups the accepted verblijfsobjecten by pand, classifies every pand with the type rule against its residential
 * neighbours, and builds the dwellings (pand by pand, in address order) and buildings. A dwelling without a build
 * year on either the vbo or its pand is rejected.
 */
export function buildBagStock(
  vbos: readonly BagVbo[],
  panden: ReadonlyMap<string, RawPand>,
  reject: (r: Rejection) => void,
): BagStock {
  const byPand = new Map<string, BagVbo[]>();
  for (const v of vbos) (byPand.get(v.pandId) ?? byPand.set(v.pandId, []).get(v.pandId)!).push(v);
  const inputs = new Map<string, PandInput>();
  for (const [pandId, raw] of panden) {
    const own = byPand.get(pandId);
    const dwellings = own?.length ?? (Number(prop(raw.props, 'aantal_verblijfsobjecten')) || 1);
    inputs.set(pandId, {
      pandId,
      ring: raw.ring,
      dwellings,
      floorAreaM2: own ? own.reduce((s, v) => s + v.oppervlakte, 0) : dwellings * 80,
    });
  }
  for (const [pandId, own] of byPand) {
    if (!inputs.has(pandId))
      inputs.set(pandId, {
        pandId,
        ring: null,
        dwellings: own.length,
        floorAreaM2: own.reduce((s, v) => s + v.oppervlakte, 0),
      });
  }
  const index = new ResidentialPanden(inputs.values());
  const out: BagStock = { dwellings: [], buildings: [] };
  for (const pandId of [...byPand.keys()].sort()) {
    const own = byPand.get(pandId)!.sort(byAddress);
    const raw = panden.get(pandId);
    const pandYear = raw ? parseYear(prop(raw.props, 'bouwjaar')) : null;
    const cls = index.classify(inputs.get(pandId)!);
    const kept: BagDwelling[] = [];
    own.forEach((vbo, i) => {
      const bouwjaar = vbo.bouwjaar ?? pandYear;
      if (bouwjaar === null) {
        reject({
          row: vbo.row,
          field: 'bouwjaar',
          reason: 'invalid.bouwjaar',
          message: 'expected a build year 1500–2100 on the verblijfsobject or its pand, found none',
        });
        return;
      }
      kept.push({
        vbo,
        bouwjaar,
        pand: cls,
        floorLevel:
          cls.type === 'portiek' || cls.type === 'galerij' || cls.type === 'overig'
            ? floorLevelOf(i, own.length, cls.storeys)
            : 0,
      });
    });
    out.dwellings.push(...kept);
    if (kept.length > 0 && raw?.lonLatRing && raw.lonLatRing.length >= 4) {
      const counts = new Map<string, number>();
      for (const d of kept) counts.set(d.vbo.buurtcode, (counts.get(d.vbo.buurtcode) ?? 0) + 1);
      const buurtcode = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
      out.buildings.push({
        pandId,
        buurtcode,
        bouwjaar: pandYear ?? Math.min(...kept.map((d) => d.bouwjaar)),
        storeys: cls.storeys,
        roofShape: cls.roofShape,
        footprint: { type: 'Polygon', coordinates: [raw.lonLatRing] },
        facadeAzimuthDeg: cls.facadeAzimuthDeg,
        provenance: 'registered',
      });
    }
  }
  return out;
}
