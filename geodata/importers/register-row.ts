import type { DwellingMatcher, MatchResult } from './dwelling-matcher.ts';
import { parseBagId, parseText } from './field-values.ts';
import type { ColumnSpec } from './table-source.ts';

/** Columns that identify a dwelling in a register: the BAG verblijfsobject id, or the address. */
export const DWELLING_KEY_COLUMNS: readonly ColumnSpec[] = [
  {
    key: 'vboId',
    aliases: [
      'bag_vbo_id',
      'bag_verblijfsobject_id',
      'verblijfsobject_id',
      'verblijfsobjectid',
      'vbo_id',
      'bag_id',
      'adresseerbaar_object_id',
      'adresseerbaarobjectid',
    ],
  },
  { key: 'postcode', aliases: ['postcode'] },
  { key: 'huisnummer', aliases: ['huisnummer', 'huisnr'] },
  { key: 'huisletter', aliases: ['huisletter'] },
  { key: 'toevoeging', aliases: ['toevoeging', 'huisnummertoevoeging', 'huisnummer_toevoeging'] },
];

/** A register must identify dwellings one way or the other. */
export const DWELLING_KEY_REQUIREMENT: readonly (readonly string[])[] = [['vboId'], ['postcode', 'huisnummer']];

/** The row's dwelling in the dataset, or why there is none. */
export function matchRow(matcher: DwellingMatcher, values: Record<string, string | undefined>): MatchResult {
  const id = parseBagId(values.vboId);
  if (id === undefined) {
    return {
      ok: false,
      field: 'bag_vbo_id',
      reason: 'invalid.bag_vbo_id',
      message: `expected a 16-digit BAG verblijfsobject id, found "${values.vboId}"`,
    };
  }
  return matcher.match(id, {
    postcode: parseText(values.postcode),
    huisnummer: parseText(values.huisnummer),
    huisletter: parseText(values.huisletter),
    toevoeging: parseText(values.toevoeging),
  });
}
