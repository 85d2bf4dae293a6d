/**
 * Synthetic addresses: each street (grid line) is cut into stretches of 2–4 blocks, each with an invented
 * name; huisnummers run along the stretch, odd on one side and even on the other; one postcode per
 * stretch side. Flats sharing an entrance get a huisletter (A, B, …) or a toevoeging (1, 2, 101, …).
 */
import type { Address } from '../../engine/dwelling.ts';
import type { Rng } from '../../engine/rng.ts';

export interface EntranceInput {
  streetLine: number;
  col: number;
  side: 'N' | 'S';
  /** Position along the street (frame u, m); numbers increase with it. */
  u: number;
  /** Storey of each dwelling behind this entrance, in the order their addresses are wanted. */
  unitFloors: readonly number[];
  style: 'letter' | 'toevoeging';
}

export interface AddressProfile {
  postcode4: string;
  postcodeLetterStart: number;
  streetStems: readonly string[];
}

export const WOONPLAATS = 'Roosendaal';
/** Street-name suffixes combined with the stems; assumption. */
export const STREET_SUFFIXES = ['straat', 'laan', 'hof', 'weg'] as const;
/** Blocks per street stretch (one name, one postcode per side); assumption. */
export const STRETCH_BLOCKS: readonly [number, number] = [2, 4];
/** Letter pairs PostNL does not use (SA, SD, SS). */
const UNUSED_POSTCODE_LETTERS = new Set(['SA', 'SD', 'SS']);

function shuffled<T>(items: readonly T[], rng: Rng): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Postcode letter pairs from index `start`, skipping unused pairs: 0 = AA, 1 = AB, … */
export function* postcodeLetters(start: number): Generator<string> {
  for (let i = start; i < 26 * 26; i++) {
    const pair = String.fromCharCode(65 + Math.floor(i / 26), 65 + (i % 26));
    if (!UNUSED_POSTCODE_LETTERS.has(pair)) yield pair;
  }
  throw new Error(`postcode letters exhausted from index ${start}`);
}

/** Addresses for every dwelling of every entrance (same order as the input). */
export function assignAddresses(entrances: readonly EntranceInput[], profile: AddressProfile, rng: Rng): Address[][] {
  // 1. Cut each street line into stretches of consecutive blocks.
  const lines = [...new Set(entrances.map((e) => e.streetLine))].sort((a, b) => a - b);
  const stretchOf = new Map<string, number>(); // "line:col" -> stretch index on that line
  const stretchKeys: string[] = [];
  for (const line of lines) {
    const cols = entrances.filter((e) => e.streetLine === line).map((e) => e.col);
    const [lo, hi] = [Math.min(...cols), Math.max(...cols)];
    for (let start = lo, k = 0; start <= hi; k++) {
      const len = rng.int(STRETCH_BLOCKS[0], STRETCH_BLOCKS[1]);
      for (let c = start; c < start + len; c++) stretchOf.set(`${line}:${c}`, k);
      if (entrances.some((e) => e.streetLine === line && e.col >= start && e.col < start + len))
        stretchKeys.push(`${line}:${k}`);
      start += len;
    }
  }

  // 2. Names and odd/even sides per stretch; postcodes per stretch side.
  const names = shuffled(
    profile.streetStems.flatMap((stem) => STREET_SUFFIXES.map((suffix) => `${stem}${suffix}`)),
    rng,
  );
  if (stretchKeys.length > names.length)
    throw new Error(`need ${stretchKeys.length} street names, have ${names.length}`);
  const letters = postcodeLetters(profile.postcodeLetterStart);
  const stretch = new Map(
    stretchKeys.map((key, i) => {
      const oddSide = rng.chance(0.5) ? 'N' : 'S';
      const postcode = { N: '', S: '' };
      return [key, { name: names[i]!, oddSide, postcode }] as const;
    }),
  );

  // 3. Number the entrances along each stretch side.
  const groups = new Map<string, number[]>();
  entrances.forEach((e, i) => {
    const key = `${e.streetLine}:${stretchOf.get(`${e.streetLine}:${e.col}`)}`;
    const g = `${key}|${e.side}`;
    if (!groups.has(g)) groups.set(g, []);
    groups.get(g)!.push(i);
  });
  const out: Address[][] = entrances.map(() => []);
  for (const key of stretchKeys) {
    const st = stretch.get(key)!;
    for (const side of ['N', 'S'] as const) {
      const members = (groups.get(`${key}|${side}`) ?? []).sort((a, b) => entrances[a]!.u - entrances[b]!.u || a - b);
      if (members.length === 0) continue;
      st.postcode[side] = `${profile.postcode4}${letters.next().value as string}`;
      members.forEach((idx, n) => {
        const e = entrances[idx]!;
        const huisnummer = (side === st.oddSide ? 1 : 2) + 2 * n;
        const perFloor = new Map<number, number>();
        out[idx] = e.unitFloors.map((floor, k) => {
          const inFloor = (perFloor.get(floor) ?? 0) + 1;
          perFloor.set(floor, inFloor);
          const shared = e.unitFloors.length > 1;
          if (shared && e.style === 'letter' && k >= 26) throw new Error('more than 26 dwellings behind one entrance');
          return {
            street: st.name,
            huisnummer,
            huisletter: shared && e.style === 'letter' ? String.fromCharCode(65 + k) : null,
            toevoeging: shared && e.style === 'toevoeging' ? String(floor * 100 + inFloor) : null,
            postcode: st.postcode[side],
            woonplaats: WOONPLAATS,
          };
        });
      });
    }
  }
  return out;
}
