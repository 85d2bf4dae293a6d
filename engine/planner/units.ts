/**
 * Batch units: a block, a street or a VvE. A block is a flat building (its pand) or, for
 * ground-bound houses, a terraced row: houses on one street in one buurt built in the same year (BAG gives each
 * terraced house its own pand, and a row is built at once). A VvE unit groups a VvE's members; dwellings outside a
 * VvE then fall back to their block.
 */
import type { BatchUnit } from './plan-types.ts';

export interface UnitKeyInput {
  buurtcode: string;
  street: string;
  bouwjaar: number;
  pandId: string;
  groundBound: boolean;
  vveId: string | null;
}

export function blockIdOf(d: UnitKeyInput): string {
  return d.groundBound ? `rij:${d.buurtcode}:${d.street}:${d.bouwjaar}` : `pand:${d.pandId}`;
}

export function unitIdOf(unit: BatchUnit, d: UnitKeyInput): string {
  if (unit === 'street') return `straat:${d.buurtcode}:${d.street}`;
  if (unit === 'vve' && d.vveId !== null) return `vve:${d.vveId}`;
  return blockIdOf(d);
}
