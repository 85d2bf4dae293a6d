/**
 * Priority classes fitted to the data: class bounds at the quantiles of the priority values as the map and
 * the popup show them (one decimal), so every class holds about the same number of dwellings and the ramp
 * spans the scores that occur rather than 0–100 (where a stock scoring 20–70 would all look orange).
 */

/** Number of priority classes (sextiles). */
export const PRIORITY_CLASS_COUNT = 6;

/** Priority as the API and popup show it (one decimal); the map and the legend class this value. */
export const roundPriority = (p: number): number => Math.round(p * 10) / 10;

/** Displayed (rounded) priorities of a column. */
export function displayedPriorities(priority: ArrayLike<number>): number[] {
  return Array.from(priority, roundPriority);
}
