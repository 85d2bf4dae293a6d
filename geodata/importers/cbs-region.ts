/**
 * The region column of CBS tables per region (85999NED, Monitor Energiearmoede): a gemeente, wijk or buurt code,
 * taken only for the dataset's own gemeenten (GM1674, Roosendaal, for a dataset without buurten).
 */
import type { Dataset } from '../../engine/dataset.ts';

const REGION = /^(GM\d{4}|WK\d{6}|BU\d{8})$/;

export type CbsRegion =
  { ok: true; region: string } | { ok: false; problem: 'invalid' | 'outside.gemeente'; message: string };

/** A reader of the region cell for the dataset's gemeenten: the normalised code, or why the row is refused. */
export function cbsRegionReader(ds: Dataset): (raw: string | undefined) => CbsRegion {
  const gemeenten = new Set(ds.buurten.map((b) => b.gemeentecode));
  if (gemeenten.size === 0) gemeenten.add('GM1674');
  const digits = [...gemeenten].map((g) => g.slice(2));
  return (raw) => {
    const region = (raw ?? '').trim().toUpperCase();
    if (!REGION.test(region))
      return {
        ok: false,
        problem: 'invalid',
        message: `expected a region code GM####, WK###### or BU########, found "${raw ?? ''}"`,
      };
    if (!digits.some((d) => region.slice(2, 6) === d))
      return {
        ok: false,
        problem: 'outside.gemeente',
        message: `${region} is not in gemeente ${[...gemeenten].join(', ')}`,
      };
    return { ok: true, region };
  };
}
