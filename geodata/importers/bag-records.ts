import { Address, type Address as AddressT } from '../../engine/dwelling.ts';
import { normalisePostcode } from './address-key.ts';
import { parseBagId } from './field-values.ts';
import type { Rejection } from './import-tally.ts';
import type { Xy } from './footprint-geometry.ts';

/** Verblijfsobject statuses that are existing stock; 'gevormd' (planned), withdrawn and never-built ones are not. */
export const KEPT_VBO_STATUSES = [
  'Verblijfsobject in gebruik',
  'Verblijfsobject in gebruik (niet ingemeten)',
  'Verblijfsobject buiten gebruik',
  'Verbouwing verblijfsobject',
] as const;

/** A verblijfsobject as read from any BAG source, positions already in RD New and WGS84. */
export interface RawVbo {
  row: string;
  props: Record<string, unknown>;
  rd: Xy | null;
  lonLat: [number, number] | null;
}

/** A pand: its outer ring in RD New (largest polygon of a multipolygon) and properties. */
export interface RawPand {
  props: Record<string, unknown>;
  ring: Xy[] | null;
  /** The same ring in WGS84, for the Building footprint. */
  lonLatRing: [number, number][] | null;
}

/** A verblijfsobject that passed every check, waiting for its pand's type and build year. */
export interface BagVbo {
  row: string;
  vboId: string;
  pandId: string;
  address: AddressT;
  bouwjaar: number | null;
  oppervlakte: number;
  rd: Xy;
  lonLat: [number, number];
  buurtcode: string;
}

/** PDOK names differ slightly between bag-light, the OGC API and WFS; the first present alias wins. */
const ALIASES: Record<string, readonly string[]> = {
  identificatie: ['identificatie'],
  pand_identificatie: ['pand_identificatie', 'pandidentificatie', 'pandid'],
  openbare_ruimte_naam: ['openbare_ruimte_naam', 'openbare_ruimte', 'openbareruimtenaam', 'straatnaam'],
  woonplaats_naam: ['woonplaats_naam', 'woonplaats', 'woonplaatsnaam'],
  huisnummer: ['huisnummer'],
  huisletter: ['huisletter'],
  toevoeging: ['toevoeging', 'huisnummertoevoeging'],
  postcode: ['postcode'],
  oppervlakte: ['oppervlakte'],
  status: ['status', 'verblijfsobjectstatus'],
  gebruiksdoel: ['gebruiksdoel'],
  bouwjaar: ['bouwjaar', 'oorspronkelijkbouwjaar'],
  aantal_verblijfsobjecten: ['aantal_verblijfsobjecten'],
};

export function prop(props: Record<string, unknown>, name: keyof typeof ALIASES): unknown {
  for (const a of ALIASES[name]!) if (props[a] !== undefined && props[a] !== null && props[a] !== '') return props[a];
  return null;
}

const text = (v: unknown): string | null =>
  v === null || v === undefined || String(v).trim() === '' ? null : String(v).trim();

/** gebruiksdoel is comma-joined in bag-light and an array in some GeoJSON. */
export function hasWoonfunctie(v: unknown): boolean {
  const s = Array.isArray(v) ? v.join(',') : String(v ?? '');
  return s.toLowerCase().includes('woonfunctie');
}

/** The first pand id of a verblijfsobject (one vbo can lie in several panden; comma-joined or an array). */
export function firstPandId(v: unknown): string | null | undefined {
  const first = Array.isArray(v) ? v[0] : String(v ?? '').split(',')[0];
  return parseBagId(text(first) ?? undefined);
}

export function parseYear(v: unknown): number | null {
  const n = Number(v);
  return v !== null && v !== '' && Number.isInteger(n) && n >= 1500 && n <= 2100 ? n : null;
}

type Reject = (r: Omit<Rejection, 'row'>) => void;

/**
 * Checks one verblijfsobject; on the first problem it calls reject (naming field, reason code and what was found)
 * and returns null. `locate` gives the buurt of a WGS84 point among the selected buurten.
 */
export function parseVbo(
  raw: RawVbo,
  locate: (lon: number, lat: number) => string | null,
  reject: Reject,
): BagVbo | null {
  const p = raw.props;
  const bad = (field: string, reason: string, message: string) => (reject({ field, reason, message }), null);
  if (!hasWoonfunctie(prop(p, 'gebruiksdoel')))
    return bad(
      'gebruiksdoel',
      'scope.not-a-dwelling',
      `expected woonfunctie, found "${text(prop(p, 'gebruiksdoel')) ?? ''}"`,
    );
  const status = text(prop(p, 'status'));
  if (!KEPT_VBO_STATUSES.includes(status as (typeof KEPT_VBO_STATUSES)[number]))
    return bad(
      'status',
      'scope.status',
      `expected an existing dwelling (${KEPT_VBO_STATUSES.join(' / ')}), found "${status ?? ''}"`,
    );
  if (raw.rd === null || raw.lonLat === null) return bad('geom', 'invalid.geometry', 'expected a point, found none');
  const buurtcode = locate(raw.lonLat[0], raw.lonLat[1]);
  if (buurtcode === null)
    return bad('geom', 'scope.outside-buurten', `point ${raw.lonLat.join(', ')} lies outside the selected buurten`);
  const vboId = parseBagId(text(prop(p, 'identificatie')) ?? undefined);
  if (!vboId)
    return bad(
      'identificatie',
      'invalid.identificatie',
      `expected a 16-digit BAG id, found "${text(prop(p, 'identificatie')) ?? ''}"`,
    );
  const pandId = firstPandId(prop(p, 'pand_identificatie'));
  if (!pandId)
    return bad(
      'pand_identificatie',
      'invalid.pand_identificatie',
      `expected a 16-digit BAG pand id, found "${text(prop(p, 'pand_identificatie')) ?? ''}"`,
    );
  const postcodeRaw = text(prop(p, 'postcode'));
  const postcode = normalisePostcode(postcodeRaw);
  if (!postcode)
    return bad('postcode', 'invalid.postcode', `expected a postcode such as 4701AB, found "${postcodeRaw ?? ''}"`);
  const address = {
    street: text(prop(p, 'openbare_ruimte_naam')),
    huisnummer: Number(prop(p, 'huisnummer')),
    huisletter: text(prop(p, 'huisletter')),
    toevoeging: text(prop(p, 'toevoeging')),
    postcode,
    woonplaats: text(prop(p, 'woonplaats_naam')),
  };
  const parsed = Address.safeParse(address);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field =
      { street: 'openbare_ruimte_naam', woonplaats: 'woonplaats_naam' }[String(issue.path[0])] ?? String(issue.path[0]);
    return bad(
      field,
      `invalid.${field}`,
      `${issue.message}, found ${JSON.stringify(address[issue.path[0] as keyof typeof address])}`,
    );
  }
  const oppervlakte = Number(prop(p, 'oppervlakte'));
  if (!(oppervlakte > 0 && oppervlakte <= 10_000))
    return bad(
      'oppervlakte',
      'invalid.oppervlakte',
      `expected a floor area of 1–10000 m², found "${text(prop(p, 'oppervlakte')) ?? ''}"`,
    );
  return {
    row: raw.row,
    vboId,
    pandId,
    address: parsed.data,
    bouwjaar: parseYear(prop(p, 'bouwjaar')),
    oppervlakte,
    rd: raw.rd,
    lonLat: raw.lonLat,
    buurtcode,
  };
}
