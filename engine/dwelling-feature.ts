import { buildPeriod } from './build-period.ts';
import type { Dwelling } from './dwelling.ts';

export interface DwellingFeature {
  type: 'Feature';
  id: string;
  properties: Record<string, string | number>;
  geometry: { type: 'Point'; coordinates: [number, number] };
}

/** One-line Dutch address, e.g. "Lijsterstraat 12A-2". */
export function formatAddress(a: Dwelling['address']): string {
  return `${a.street} ${a.huisnummer}${a.huisletter ?? ''}${a.toevoeging ? `-${a.toevoeging}` : ''}`;
}

/** Flat GeoJSON feature of a dwelling, as the API, the vector tiles and exports show it. */
export function dwellingFeature(d: Dwelling): DwellingFeature {
  return {
    type: 'Feature',
    id: d.vboId,
    properties: {
      vboId: d.vboId,
      pandId: d.pandId,
      buurtcode: d.buurtcode,
      address: formatAddress(d.address),
      postcode: d.address.postcode,
      bouwjaar: d.bouwjaar,
      period: buildPeriod(d.bouwjaar),
      type: d.type,
      ownership: d.ownership,
      label: d.energyLabel.label,
      labelSource: d.energyLabel.source,
      vveId: d.vveId ?? '',
      oppervlakte: d.oppervlakte,
      wozBand: d.wozBand,
      floorLevel: d.floorLevel,
      cavityWall: d.elements.cavityWall.level,
      roof: d.elements.roof.level,
      floor: d.elements.floor.level,
      glazing: d.elements.glazing.level,
      provenance: d.provenance,
      dataDate: d.dataDate,
    },
    geometry: { type: 'Point', coordinates: d.location },
  };
}
