/**
 * Block ids: the unit planners point at on the potentiekaart and in drawn scenarios. Three kinds, in order of
 * precedence for a dwelling (engine/blocks/blocks.ts):
 *   - `complex:<code>`: a corporation complex from the portfolio register (the corporation's own planning unit);
 *   - `BU16740202-B017`: a bouwblok recorded on the pand (the synthetic generator's blocks);
 *   - `pand:<16-digit BAG pand id>`: the pand itself when nothing groups it (BAG has no blocks).
 */
export const BLOCK_KINDS = ['complex', 'bouwblok', 'pand'] as const;
export type BlockKind = (typeof BLOCK_KINDS)[number];

const SYNTHETIC = /^BU\d{8}-B\d{3}$/;
const COMPLEX = /^complex:.{1,40}$/;
const PAND = /^pand:\d{16}$/;

/** The generator's block `n` (1-based, grid order) of a buurt. */
export function syntheticBlockId(buurtcode: string, n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 999) throw new Error(`block number ${n} outside 1–999`);
  return `${buurtcode}-B${String(n).padStart(3, '0')}`;
}

export const complexBlockId = (complexCode: string): string => `complex:${complexCode}`;
export const pandBlockId = (pandId: string): string => `pand:${pandId}`;

/** The kind of a well-formed block id, or null when the text is not one. */
export function blockKindOf(id: string): BlockKind | null {
  if (COMPLEX.test(id)) return 'complex';
  if (SYNTHETIC.test(id)) return 'bouwblok';
  if (PAND.test(id)) return 'pand';
  return null;
}

/** Dutch name of a block for cards and lists: "Bouwblok 17", "Complex 1203", "Pand 1674100000000012". */
export function blockLabel(id: string): string {
  switch (blockKindOf(id)) {
    case 'complex':
      return `Complex ${id.slice('complex:'.length)}`;
    case 'bouwblok':
      return `Bouwblok ${Number(id.slice(-3))}`;
    case 'pand':
      return `Pand ${id.slice('pand:'.length)}`;
    default:
      throw new Error(`not a block id: ${id}`);
  }
}
