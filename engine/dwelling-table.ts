import {
  DWELLING_TYPES,
  ELEMENT_LEVELS,
  ENERGY_LABELS,
  OWNERSHIP_CATEGORIES,
  PROVENANCES,
  WOZ_BANDS,
  type Dwelling,
  type ElementState,
} from './dwelling.ts';

/**
 * Columnar form of the dwellings: one typed array per attribute, categorical values as
 * indexes into the constant lists of dwelling.ts (or into a per-table dictionary for
 * buurt codes and VvE ids). Plain data, so it crosses a worker boundary by structured
 * clone or by transfer of the buffers.
 */
export interface DwellingColumns {
  count: number;
  vboId: string[];
  pandId: string[];
  /** Dictionary of buurt codes; `buurt[i]` indexes into it. */
  buurtCodes: string[];
  buurt: Uint16Array;
  bouwjaar: Uint16Array;
  /** m² */
  oppervlakte: Float32Array;
  /** Index into DWELLING_TYPES. */
  type: Uint8Array;
  /** Index into OWNERSHIP_CATEGORIES. */
  ownership: Uint8Array;
  /** Dictionary of VvE ids; `vve[i]` is an index or -1 for none. */
  vveIds: string[];
  vve: Int32Array;
  /** Index into ENERGY_LABELS. */
  label: Uint8Array;
  /** 1 = registered, 0 = imputed. */
  labelRegistered: Uint8Array;
  /** Element levels as 0..4 (N0..N4). */
  cavityWall: Uint8Array;
  roof: Uint8Array;
  floor: Uint8Array;
  glazing: Uint8Array;
  /** Bit per element (1 cavityWall, 2 roof, 4 floor, 8 glazing) set when the level is known. */
  elementsKnown: Uint8Array;
  /** Index into WOZ_BANDS. */
  wozBand: Uint8Array;
  floorLevel: Uint8Array;
  /** Index into PROVENANCES. */
  provenance: Uint8Array;
  lon: Float64Array;
  lat: Float64Array;
}

const ELEMENT_BITS = { cavityWall: 1, roof: 2, floor: 4, glazing: 8 } as const;

function indexOf<T extends string>(list: readonly T[], value: T, field: string): number {
  const i = list.indexOf(value);
  if (i < 0) throw new Error(`unknown ${field} value ${JSON.stringify(value)}`);
  return i;
}

function dictionary(values: Iterable<string>): { list: string[]; index: Map<string, number> } {
  const list = [...new Set(values)].sort();
  return { list, index: new Map(list.map((v, i) => [v, i])) };
}

/** Builds the columnar table from validated records (order preserved). */
export function toColumns(dwellings: readonly Dwelling[]): DwellingColumns {
  const n = dwellings.length;
  const buurten = dictionary(dwellings.map((d) => d.buurtcode));
  const vves = dictionary(dwellings.flatMap((d) => (d.vveId === null ? [] : [d.vveId])));
  const t: DwellingColumns = {
    count: n,
    vboId: new Array<string>(n),
    pandId: new Array<string>(n),
    buurtCodes: buurten.list,
    buurt: new Uint16Array(n),
    bouwjaar: new Uint16Array(n),
    oppervlakte: new Float32Array(n),
    type: new Uint8Array(n),
    ownership: new Uint8Array(n),
    vveIds: vves.list,
    vve: new Int32Array(n),
    label: new Uint8Array(n),
    labelRegistered: new Uint8Array(n),
    cavityWall: new Uint8Array(n),
    roof: new Uint8Array(n),
    floor: new Uint8Array(n),
    glazing: new Uint8Array(n),
    elementsKnown: new Uint8Array(n),
    wozBand: new Uint8Array(n),
    floorLevel: new Uint8Array(n),
    provenance: new Uint8Array(n),
    lon: new Float64Array(n),
    lat: new Float64Array(n),
  };
  const level = (e: ElementState): number => indexOf(ELEMENT_LEVELS, e.level, 'element level');
  for (let i = 0; i < n; i++) {
    const d = dwellings[i]!;
    t.vboId[i] = d.vboId;
    t.pandId[i] = d.pandId;
    t.buurt[i] = buurten.index.get(d.buurtcode)!;
    t.bouwjaar[i] = d.bouwjaar;
    t.oppervlakte[i] = d.oppervlakte;
    t.type[i] = indexOf(DWELLING_TYPES, d.type, 'type');
    t.ownership[i] = indexOf(OWNERSHIP_CATEGORIES, d.ownership, 'ownership');
    t.vve[i] = d.vveId === null ? -1 : vves.index.get(d.vveId)!;
    t.label[i] = indexOf(ENERGY_LABELS, d.energyLabel.label, 'label');
    t.labelRegistered[i] = d.energyLabel.source === 'registered' ? 1 : 0;
    t.cavityWall[i] = level(d.elements.cavityWall);
    t.roof[i] = level(d.elements.roof);
    t.floor[i] = level(d.elements.floor);
    t.glazing[i] = level(d.elements.glazing);
    let known = 0;
    for (const [k, bit] of Object.entries(ELEMENT_BITS)) {
      if (d.elements[k as keyof typeof ELEMENT_BITS].status === 'known') known |= bit;
    }
    t.elementsKnown[i] = known;
    t.wozBand[i] = indexOf(WOZ_BANDS, d.wozBand, 'wozBand');
    t.floorLevel[i] = d.floorLevel;
    t.provenance[i] = indexOf(PROVENANCES, d.provenance, 'provenance');
    t.lon[i] = d.location[0];
    t.lat[i] = d.location[1];
  }
  return t;
}

/** The typed arrays of a table, for Comlink.transfer (the sender's copies become detached). */
export function columnBuffers(t: DwellingColumns): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  for (const v of Object.values(t)) {
    if (ArrayBuffer.isView(v) && v.buffer instanceof ArrayBuffer) out.push(v.buffer);
  }
  return out;
}
