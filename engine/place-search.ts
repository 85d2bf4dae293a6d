/**
 * Search for places on the map: an address ("Lijsterstraat 12A"), a postcode ("4701 AB" or its four digits), a
 * street or a buurt (name or CBS code). Pure: the index is built from the dataset's records once; a query walks it.
 */
import type { Buurt, Dwelling } from './dwelling.ts';
import { formatAddress } from './dwelling-feature.ts';

export const PLACE_KINDS = ['adres', 'postcode', 'straat', 'buurt'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

/** [west, south, east, north] in WGS84 degrees. */
export type Bbox = [number, number, number, number];

export interface Place {
  kind: PlaceKind;
  /** As people write it: "Lijsterstraat 12A", "4701 AB", "Kalsdonk". */
  label: string;
  /** Second line: postcode and buurt, number of addresses, … */
  detail: string;
  /** The dwelling (adres), else the middle of the bbox. */
  center: [number, number];
  bbox: Bbox;
  /** Set for kind "buurt" (opens the buurt card) and "adres" (buurt of the dwelling). */
  buurtcode: string | null;
  /** Set for kind "adres". */
  vboId: string | null;
}

interface Entry {
  place: Place;
  /** Normalised search keys (lower case, no spaces or punctuation). */
  keys: string[];
}

export interface PlaceIndex {
  entries: Entry[];
}

/** Lower case without spaces, dots, dashes or diacritics: "4701 AB" → "4701ab", "Léon-laan" → "leonlaan". */
export function normalise(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\s.\-,/]+/g, '');
}

const formatPostcode = (pc: string): string => `${pc.slice(0, 4)} ${pc.slice(4)}`;

function grow(b: Bbox | null, [x, y]: readonly [number, number]): Bbox {
  return b ? [Math.min(b[0], x), Math.min(b[1], y), Math.max(b[2], x), Math.max(b[3], y)] : [x, y, x, y];
}
const middle = (b: Bbox): [number, number] => [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2];

function buurtBbox(geometry: Buurt['geometry']): Bbox | null {
  const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let b: Bbox | null = null;
  for (const poly of polys)
    for (const [x, y] of poly[0] ?? []) if (x !== undefined && y !== undefined) b = grow(b, [x, y]);
  return b;
}

const countNl = new Intl.NumberFormat('nl-NL');
const addresses = (n: number): string => `${countNl.format(n)} ${n === 1 ? 'adres' : 'adressen'}`;

export function buildPlaceIndex(dwellings: readonly Dwelling[], buurten: readonly Buurt[]): PlaceIndex {
  const buurtName = new Map(buurten.map((b) => [b.buurtcode, b.buurtnaam]));
  const entries: Entry[] = [];
  const postcodes = new Map<string, { bbox: Bbox; n: number; street: string }>();
  const streets = new Map<string, { bbox: Bbox; n: number; buurten: Set<string> }>();
  for (const d of dwellings) {
    const label = formatAddress(d.address);
    const buurt = buurtName.get(d.buurtcode) ?? d.buurtcode;
    entries.push({
      place: {
        kind: 'adres',
        label,
        detail: `${formatPostcode(d.address.postcode)} ${d.address.woonplaats} · ${buurt}`,
        center: d.location,
        bbox: [...d.location, ...d.location],
        buurtcode: d.buurtcode,
        vboId: d.vboId,
      },
      keys: [normalise(label), normalise(`${d.address.postcode}${d.address.huisnummer}${d.address.huisletter ?? ''}`)],
    });
    const pc = postcodes.get(d.address.postcode);
    postcodes.set(d.address.postcode, {
      bbox: grow(pc?.bbox ?? null, d.location),
      n: (pc?.n ?? 0) + 1,
      street: pc?.street ?? d.address.street,
    });
    const st = streets.get(d.address.street) ?? { bbox: grow(null, d.location), n: 0, buurten: new Set<string>() };
    st.bbox = grow(st.bbox, d.location);
    st.n++;
    st.buurten.add(buurt);
    streets.set(d.address.street, st);
  }
  for (const [pc, v] of postcodes)
    entries.push({
      place: {
        kind: 'postcode',
        label: formatPostcode(pc),
        detail: `${v.street} · ${addresses(v.n)}`,
        center: middle(v.bbox),
        bbox: v.bbox,
        buurtcode: null,
        vboId: null,
      },
      keys: [normalise(pc)],
    });
  for (const [name, v] of streets)
    entries.push({
      place: {
        kind: 'straat',
        label: name,
        detail: `${[...v.buurten].sort((a, b) => a.localeCompare(b, 'nl')).join(', ')} · ${addresses(v.n)}`,
        center: middle(v.bbox),
        bbox: v.bbox,
        buurtcode: null,
        vboId: null,
      },
      keys: [normalise(name)],
    });
  for (const b of buurten) {
    const bbox = buurtBbox(b.geometry);
    if (!bbox) continue;
    entries.push({
      place: {
        kind: 'buurt',
        label: b.buurtnaam,
        detail: `buurt ${b.buurtcode}`,
        center: middle(bbox),
        bbox,
        buurtcode: b.buurtcode,
        vboId: null,
      },
      keys: [normalise(b.buurtnaam), normalise(b.buurtcode)],
    });
  }
  return { entries };
}

/** Order of kinds in the answer when matches tie: the broader place first, so "Kalsdonk" finds the buurt. */
const KIND_RANK: Record<PlaceKind, number> = { buurt: 0, straat: 1, postcode: 2, adres: 3 };
const natural = new Intl.Collator('nl-NL', { numeric: true, sensitivity: 'base' });

/**
 * Places whose key starts with the query (exact matches and prefixes first), then those containing it; at most
 * `limit`. Queries shorter than two characters find nothing.
 */
export function searchPlaces(index: PlaceIndex, query: string, limit = 10): Place[] {
  const q = normalise(query);
  if (q.length < 2) return [];
  const scored: { place: Place; score: number }[] = [];
  for (const e of index.entries) {
    let score = Infinity;
    for (const k of e.keys) {
      if (k === q) score = Math.min(score, 0);
      else if (k.startsWith(q)) score = Math.min(score, 1);
      else if (q.length >= 3 && k.includes(q)) score = Math.min(score, 2);
    }
    if (score < Infinity) scored.push({ place: e.place, score });
  }
  return scored
    .sort(
      (a, b) =>
        a.score - b.score ||
        KIND_RANK[a.place.kind] - KIND_RANK[b.place.kind] ||
        natural.compare(a.place.label, b.place.label),
    )
    .slice(0, limit)
    .map((s) => s.place);
}
