/**
 * The programme facts the monitor measures against: its period, the Volkshuisvestingsfonds retrofit budget, the
 * municipality's co-financing share and the CO₂ factor of saved gas. Dated data with a source
 * (config/monitor-programme.default.json), never constants in code; the figures name the settings id they used.
 */
import { z } from 'zod';
import shippedSettings from '../../config/monitor-programme.default.json' with { type: 'json' };
import { IsoDate } from '../dwelling.ts';

export const programmeSettingsSchema = z.strictObject({
  id: z.string().min(1),
  source: z.string().min(1),
  retrieved: IsoDate,
  /** First day money and statuses may carry; earlier dates are refused. */
  start: IsoDate,
  /** True when the start date is not from a programme document. */
  startIsAssumption: z.boolean(),
  /** Last day of the programme (docs/domain.md §1: until 31 December 2033). */
  end: IsoDate,
  /** VHF retrofit budget, euro (docs/domain.md §1: €8.4M). */
  vhfBudgetEur: z.number().positive(),
  /** Municipal co-financing as a share of the VHF money (docs/domain.md §1: 30 %). */
  cofinancingShare: z.number().min(0).max(1),
  /** kg CO₂ per m³ natural gas saved (docs/domain.md §5: 1.78). */
  co2KgPerM3Gas: z.number().positive(),
  /** Optional cap on programme (VHF) money paid per calendar year. */
  yearCapsEur: z.array(z.strictObject({ year: z.number().int(), capEur: z.number().nonnegative() })).default([]),
});
export type ProgrammeSettings = z.output<typeof programmeSettingsSchema>;

/** The co-financing budget that goes with the VHF budget, euro. */
export function cofinancingBudgetEur(s: Pick<ProgrammeSettings, 'vhfBudgetEur' | 'cofinancingShare'>): number {
  return Math.round(s.vhfBudgetEur * s.cofinancingShare * 100) / 100;
}

/** The shipped settings (config/monitor-programme.default.json). */
export const DEFAULT_PROGRAMME_SETTINGS: ProgrammeSettings = programmeSettingsSchema.parse(shippedSettings);
