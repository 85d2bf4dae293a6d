/** The Hestia minimum levels after 1992 with each level as its index 0..4 (N0..N4), the form the retrofit engine computes with. */
import { ELEMENT_LEVELS } from '../dwelling.ts';
import type { WoonPart } from './hestia-types.ts';
import { MINIMUM_LEVELS_AFTER_1992 } from './minimum-levels.ts';

export const MINIMUM_LEVEL_INDICES: readonly {
  from: number;
  to: number;
  levels: Readonly<Record<WoonPart, number>>;
}[] = MINIMUM_LEVELS_AFTER_1992.map((r) => ({
  from: r.from,
  to: r.to,
  levels: Object.fromEntries(
    Object.entries(r.levels).map(([part, level]) => [part, ELEMENT_LEVELS.indexOf(level)]),
  ) as Record<WoonPart, number>,
}));
