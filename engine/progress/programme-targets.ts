import { z } from 'zod';
import { IsoDate } from '../dwelling.ts';
import { shareOf, type SnapshotPoint } from './indicator-snapshot.ts';

/**
 * The programme's targets for the stock, shown beside the snapshots: dated data with a source and an assumption
 * flag (config/progress-targets.default.json), never constants in code. `area` is a programme area name, a CBS
 * buurt code or `alle` (every buurt with a programme area).
 */
export const TARGET_INDICATORS = ['aandeel-label-efg', 'aandeel-eigendom', 'aandeel-type'] as const;

export const ProgrammeTarget = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9-]+$/),
    description: z.string().min(1),
    area: z.string().min(1),
    indicator: z.enum(TARGET_INDICATORS),
    /** Tenure (or type for aandeel-type); '' for all dwellings (aandeel-label-efg only). */
    category: z.string(),
    min: z.number().min(0).max(1).optional(),
    max: z.number().min(0).max(1).optional(),
    by: IsoDate,
    source: z.string().min(1),
    assumption: z.boolean(),
  })
  .refine((t) => t.min !== undefined || t.max !== undefined, { message: 'a target needs min or max', path: ['max'] });
export type ProgrammeTarget = z.infer<typeof ProgrammeTarget>;

export const ProgrammeTargets = z.strictObject({
  id: z.string().min(1),
  retrieved: IsoDate,
  targets: z.array(ProgrammeTarget),
});
export type ProgrammeTargets = z.infer<typeof ProgrammeTargets>;

/** The indicator's share at one snapshot (null when the area has no dwellings). */
export function targetShare(t: ProgrammeTarget, p: SnapshotPoint): number | null {
  if (t.indicator === 'aandeel-label-efg') {
    if (t.category === '') return shareOf(p.labelEfg, p.dwellings);
    return shareOf(p.labelEfgByOwnership[t.category] ?? 0, p.ownership[t.category] ?? 0);
  }
  const m = t.indicator === 'aandeel-eigendom' ? p.ownership : p.type;
  return shareOf(m[t.category] ?? 0, p.dwellings);
}

/** Whether a share meets the target's bound(s). */
export const meetsTarget = (t: ProgrammeTarget, share: number): boolean =>
  (t.min === undefined || share >= t.min) && (t.max === undefined || share <= t.max);

/** The Dutch bound text, e.g. "hooguit 50,0 % (uiterlijk 31-12-2030)". */
export function targetText(t: ProgrammeTarget): string {
  const pct = (x: number) => `${(x * 100).toLocaleString('nl-NL', { maximumFractionDigits: 1 })} %`;
  const by = `${t.by.slice(8, 10)}-${t.by.slice(5, 7)}-${t.by.slice(0, 4)}`;
  const b = [t.min !== undefined ? `minstens ${pct(t.min)}` : '', t.max !== undefined ? `hooguit ${pct(t.max)}` : '']
    .filter(Boolean)
    .join(' en ');
  return `${b} (uiterlijk ${by})`;
}
