/**
 * An intervention restricted to blocks (`blocks:` in the scenario file, e.g. a selection drawn on the map): the
 * dwellings of those blocks inside the intervention's area. Block ids come with the dataset (one per dwelling,
 * aligned with the stock); a block the dataset does not know, or one outside the area, is a coded issue.
 */
import type { Ctx } from './compile-checks.ts';
import type { Unit } from './scenario-areas.ts';

/** Stock indexes by block id, built once per compilation. */
export function blockIndex(blockOf: readonly (string | null)[] | undefined): Map<string, number[]> {
  const out = new Map<string, number[]>();
  if (!blockOf) return out;
  blockOf.forEach((b, i) => {
    if (!b) return;
    const list = out.get(b);
    if (list) list.push(i);
    else out.set(b, [i]);
  });
  return out;
}

/**
 * A membership test for the dwellings of `blocks`: `null` when the intervention names no blocks (every dwelling of
 * the area qualifies), `undefined` after pushing issues (unknown block, block outside the area).
 */
export function blockFilter(
  c: Ctx,
  blocks: readonly string[] | undefined,
  unit: Unit,
  path: (string | number)[],
): ((i: number) => boolean) | null | undefined {
  if (!blocks) return null;
  const inBlocks = new Uint8Array(c.stock.count);
  const inArea = new Set(unit.buurten);
  let ok = true;
  blocks.forEach((b, j) => {
    const members = c.blocks.get(b);
    if (!members) {
      ok = false;
      c.issues.push({
        code: 'scenario.block.unknown',
        message: `block "${b}" is not a block or complex of the dataset`,
        path: [...path, 'blocks', j],
      });
      return;
    }
    const outside = members.find((i) => !inArea.has(c.stock.buurt[i]!));
    if (outside !== undefined) {
      ok = false;
      c.issues.push({
        code: 'scenario.block.outside-area',
        message: `block "${b}" lies (partly) in ${c.stock.buurtCodes[c.stock.buurt[outside]!]}, outside ${unit.name}`,
        path: [...path, 'blocks', j],
      });
      return;
    }
    for (const i of members) inBlocks[i] = 1;
  });
  return ok ? (i) => inBlocks[i] === 1 : undefined;
}

/** Both tests, for candidates() (either may be absent). */
export function both(
  a: ((i: number) => boolean) | null | undefined,
  b: ((i: number) => boolean) | undefined,
): ((i: number) => boolean) | undefined {
  if (!a) return b;
  if (!b) return a;
  return (i) => a(i) && b(i);
}
