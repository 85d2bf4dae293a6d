/**
 * Synthetic BAG ids (16-digit strings, docs/domain.md §7): '1674010' (verblijfsobject) or '1674100' (pand),
 * then 9 digits "9" + the buurt's last 4 digits + a 4-digit sequence. That range lies far above
 * Roosendaal's real ids, so they are visibly synthetic, and stable per buurt (adding a buurt renumbers nothing).
 */

/** Roosendaal gemeentecode (GM1674) + BAG object type + a leading 0, as in real BAG ids. */
const VBO_PREFIX = '1674010';
const PAND_PREFIX = '1674100';
const MAX_SEQ = 9_999;

function bagId(prefix: string, buurtcode: string, seq: number): string {
  if (!Number.isInteger(seq) || seq < 1 || seq > MAX_SEQ)
    throw new Error(`BAG sequence out of range for ${buurtcode}: ${seq}`);
  return `${prefix}9${buurtcode.slice(-4)}${String(seq).padStart(4, '0')}`;
}

/** e.g. vboId('BU16740202', 1) = '1674010902020001'. */
export const vboId = (buurtcode: string, seq: number): string => bagId(VBO_PREFIX, buurtcode, seq);

/** e.g. pandId('BU16740202', 1) = '1674100902020001'. */
export const pandId = (buurtcode: string, seq: number): string => bagId(PAND_PREFIX, buurtcode, seq);
