/**
 * The one Dutch vocabulary for dwelling types and tenures, used by the map (legends, popups, filters) and by every
 * export that names them (scores, statistics, plan, acquisition list), so a "portiek" is a "portiekflat" everywhere. Keyed by the stored values of engine/dwelling.ts.
 */
import type { DwellingType, Ownership } from './dwelling.ts';

export const DWELLING_TYPE_NL: Readonly<Record<DwellingType, string>> = {
  tussenwoning: 'tussenwoning',
  hoekwoning: 'hoekwoning',
  'twee-onder-een-kap': 'twee-onder-een-kap',
  vrijstaand: 'vrijstaand',
  portiek: 'portiekflat',
  galerij: 'galerijflat',
  maisonnette: 'maisonnette',
  overig: 'overig',
};

export const OWNERSHIP_NL: Readonly<Record<Ownership, string>> = {
  'eigenaar-bewoner': 'eigenaar-bewoner',
  corporatie: 'corporatie',
  'particuliere verhuur': 'particuliere verhuur',
  overig: 'overig',
};

/** Dutch name of a stored dwelling type; the value itself when unknown (data newer than this table). */
export function dwellingTypeNl(type: string): string {
  return (DWELLING_TYPE_NL as Record<string, string>)[type] ?? type;
}

/** Dutch name of a stored tenure; the value itself when unknown. */
export function ownershipNl(ownership: string): string {
  return (OWNERSHIP_NL as Record<string, string>)[ownership] ?? ownership;
}
