import { GROUND_BOUND_TYPES, type Dwelling, type EnergyLabel } from '../../engine/dwelling.ts';
import type { Dataset } from '../../engine/dataset.ts';
import { imputeElements } from './impute.ts';

/** Roof shape for element imputation: the building's when known, else pitched for ground-bound types. */
export function roofShapeLookup(ds: Dataset): (d: Dwelling) => 'hellend' | 'plat' {
  const roofs = new Map(ds.buildings.map((b) => [b.pandId, b.roofShape]));
  return (d) => roofs.get(d.pandId) ?? (GROUND_BOUND_TYPES.includes(d.type) ? 'hellend' : 'plat');
}

/**
 * The dwelling with a registered label; element levels that were only assumed are re-estimated from it.
 * `date` is the EP-Online registration date, or null for a label a register gives without one (a corporation's list).
 */
export function withRegisteredLabel(
  d: Dwelling,
  label: EnergyLabel,
  date: string | null,
  roofShape: 'hellend' | 'plat',
): Dwelling {
  return {
    ...d,
    energyLabel: { label, source: 'registered', date },
    elements: imputeElements(label, roofShape, d.bouwjaar, d.elements),
  };
}

/** Replaces dwellings by vbo id in place (order kept). */
export function replaceDwellings(ds: Dataset, changed: ReadonlyMap<string, Dwelling>): void {
  if (changed.size > 0) ds.dwellings = ds.dwellings.map((d) => changed.get(d.vboId) ?? d);
}
