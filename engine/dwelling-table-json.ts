import type { DwellingColumns } from './dwelling-table.ts';

/** Typed-array columns and the constructor each is rebuilt with. */
const TYPED_COLUMNS = {
  buurt: Uint16Array,
  bouwjaar: Uint16Array,
  oppervlakte: Float32Array,
  type: Uint8Array,
  ownership: Uint8Array,
  vve: Int32Array,
  label: Uint8Array,
  labelRegistered: Uint8Array,
  cavityWall: Uint8Array,
  roof: Uint8Array,
  floor: Uint8Array,
  glazing: Uint8Array,
  elementsKnown: Uint8Array,
  wozBand: Uint8Array,
  floorLevel: Uint8Array,
  provenance: Uint8Array,
  lon: Float64Array,
  lat: Float64Array,
} as const satisfies Partial<Record<keyof DwellingColumns, unknown>>;

const STRING_COLUMNS = ['vboId', 'pandId', 'buurtCodes', 'vveIds'] as const;

export type DwellingColumnsJson = { count: number } & Record<keyof typeof TYPED_COLUMNS, number[]> &
  Record<(typeof STRING_COLUMNS)[number], string[]>;

/** Plain-JSON form of the table, for HTTP (typed arrays become number arrays). */
export function columnsToJson(t: DwellingColumns): DwellingColumnsJson {
  const out: Record<string, unknown> = { count: t.count };
  for (const k of STRING_COLUMNS) out[k] = t[k];
  for (const k of Object.keys(TYPED_COLUMNS) as (keyof typeof TYPED_COLUMNS)[]) out[k] = Array.from(t[k]);
  return out as DwellingColumnsJson;
}

/** Rebuilds the table from JSON; throws naming the first column whose shape is wrong. */
export function columnsFromJson(json: unknown): DwellingColumns {
  if (typeof json !== 'object' || json === null) throw new TypeError('dwelling table: expected a JSON object');
  const o = json as Record<string, unknown>;
  const count = o.count;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0)
    throw new TypeError('dwelling table: "count" must be a non-negative integer');
  const out: Record<string, unknown> = { count };
  for (const k of STRING_COLUMNS) {
    const v = o[k];
    if (!Array.isArray(v) || !v.every((s) => typeof s === 'string'))
      throw new TypeError(`dwelling table: "${k}" must be an array of strings`);
    out[k] = v;
  }
  for (const [k, Ctor] of Object.entries(TYPED_COLUMNS)) {
    const v = o[k];
    if (!Array.isArray(v) || v.length !== count || !v.every((x) => typeof x === 'number')) {
      throw new TypeError(`dwelling table: "${k}" must be an array of ${count} numbers`);
    }
    out[k] = Ctor.from(v as number[]);
  }
  if ((out.vboId as string[]).length !== count || (out.pandId as string[]).length !== count) {
    throw new TypeError(`dwelling table: "vboId" and "pandId" must have ${count} entries`);
  }
  return out as unknown as DwellingColumns;
}
