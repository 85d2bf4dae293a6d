import { describe, expect, it } from 'vitest';
import type { Dwelling, ElementLevel } from '../dwelling.ts';
import { DEFAULT_VVE_CONFIG } from './vve-config.ts';
import { maintenanceDue } from './vve-maintenance.ts';

const cfg = DEFAULT_VVE_CONFIG.maintenance;
const flat = (
  bouwjaar: number,
  wall: ElementLevel,
  roof: ElementLevel,
  glazing: ElementLevel,
  status: 'known' | 'assumed' = 'known',
): Pick<Dwelling, 'bouwjaar' | 'elements'> => ({
  bouwjaar,
  elements: {
    cavityWall: { level: wall, status },
    roof: { level: roof, status },
    floor: { level: 'N0', status },
    glazing: { level: glazing, status },
  },
});

describe('maintenanceDue', () => {
  it('uninsulated façade and roof of an old block are due, HR++ windows are not', () => {
    const m = maintenanceDue([flat(1965, 'N0', 'N0', 'N2'), flat(1965, 'N0', 'N0', 'N2')], 2025, cfg);
    expect(m.facade).toEqual({ due: true, share: 1, assumedShare: 0 });
    expect(m.roof.due).toBe(true);
    expect(m.windows.due).toBe(false);
  });
  it('is not due on a young building, even uninsulated', () => {
    const m = maintenanceDue([flat(2000, 'N0', 'N0', 'N0')], 2025, cfg);
    expect([m.facade.due, m.roof.due, m.windows.due]).toEqual([false, false, false]);
  });
  it('needs the configured share of dwellings, and reports assumed levels', () => {
    const half = maintenanceDue([flat(1965, 'N0', 'N2', 'N1', 'assumed'), flat(1965, 'N1', 'N2', 'N2')], 2025, cfg);
    expect(half.facade).toEqual({ due: true, share: 0.5, assumedShare: 1 });
    const strict = maintenanceDue([flat(1965, 'N0', 'N2', 'N1'), flat(1965, 'N1', 'N2', 'N2')], 2025, {
      ...cfg,
      dueShare: 0.75,
    });
    expect(strict.facade.due).toBe(false);
  });
});
