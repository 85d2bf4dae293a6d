import type { DwellingType } from '../../engine/dwelling.ts';

/**
 * Dwelling type from EP-Online's Pand_gebouwtype / Pand_gebouwsubtype (registered by the energy advisor).
 * Flats whose subtype only gives the position (e.g. "Appartement" / "Hoekdak", "Flatwoning (overig)" /
 * "Tussenmidden") say nothing about access (portiek or galerij), so they give no type (null).
 */
export function typeFromEpOnline(
  gebouwtype: string | null | undefined,
  subtype: string | null | undefined,
): DwellingType | null {
  const t = (gebouwtype ?? '').toLowerCase();
  const s = `${t} ${(subtype ?? '').toLowerCase()}`;
  if (/maisonnette/.test(s)) return 'maisonnette';
  if (/galerij/.test(s)) return 'galerij';
  if (/portiek/.test(s)) return 'portiek';
  if (/appartement|flat|etage|bovenwoning|benedenwoning/.test(t)) return null;
  if (/vrijstaand/.test(s)) return 'vrijstaand';
  if (/2[\s-]*onder[\s-]*1[\s-]*kap|twee[\s-]*onder[\s-]*een[\s-]*kap|halfvrijstaand/.test(s))
    return 'twee-onder-een-kap';
  if (/hoek/.test(s)) return 'hoekwoning';
  if (/tussen/.test(s)) return 'tussenwoning';
  return null;
}
