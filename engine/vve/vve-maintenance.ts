import { ELEMENT_LEVELS, type Dwelling } from '../dwelling.ts';
import type { VveConfig } from './vve-config.ts';

/**
 * Maintenance due on the VvE's common elements, from element state and age (rule, all thresholds in the
 * configuration, L): a dwelling has façade work due when its cavity wall is at most level `facade.maxLevel`
 * (N0 = uninsulated) and its building is at least `facade.minAgeYears` old; roof likewise from the roof level,
 * windows from the glazing level (N1 = ordinary double glazing). The VvE has an element due when at least
 * `dueShare` of its dwellings do. `assumedShare` is the part of those dwellings whose level is assumed, not known.
 */
export const MAINTENANCE_ELEMENTS = ['facade', 'roof', 'windows'] as const;
export type MaintenanceElement = (typeof MAINTENANCE_ELEMENTS)[number];

const SOURCE: Record<MaintenanceElement, 'cavityWall' | 'roof' | 'glazing'> = {
  facade: 'cavityWall',
  roof: 'roof',
  windows: 'glazing',
};

export interface ElementDue {
  due: boolean;
  /** Share of the VvE's dwellings with this element due (0–1). */
  share: number;
  /** Share of the dwellings counted due whose element level is assumed rather than known (0–1). */
  assumedShare: number;
}

export type MaintenanceDue = Record<MaintenanceElement, ElementDue>;

export function maintenanceDue(
  dwellings: readonly Pick<Dwelling, 'bouwjaar' | 'elements'>[],
  asOfYear: number,
  cfg: VveConfig['maintenance'],
): MaintenanceDue {
  const out = {} as MaintenanceDue;
  for (const el of MAINTENANCE_ELEMENTS) {
    const rule = cfg[el];
    let due = 0,
      assumed = 0;
    for (const d of dwellings) {
      const state = d.elements[SOURCE[el]];
      if (ELEMENT_LEVELS.indexOf(state.level) <= rule.maxLevel && asOfYear - d.bouwjaar >= rule.minAgeYears) {
        due++;
        if (state.status === 'assumed') assumed++;
      }
    }
    const share = dwellings.length ? due / dwellings.length : 0;
    out[el] = { due: dwellings.length > 0 && share >= cfg.dueShare, share, assumedShare: due ? assumed / due : 0 };
  }
  return out;
}
