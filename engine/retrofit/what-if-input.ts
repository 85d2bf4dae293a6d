/**
 * Input of the one-dwelling what-if (`voorraad measures`, POST /api/retrofit/what-if): type, build year,
 * floor area and planning date, optionally label, ownership and what is known of the building. Bad input
 * is a coded issue (`whatif.<field>.<problem>`) naming the field and the allowed values.
 */
import { z } from 'zod';
import {
  DWELLING_TYPES,
  DwellingType,
  ELEMENT_LEVELS,
  ENERGY_LABELS,
  ElementLevel,
  EnergyLabel,
  OWNERSHIP_CATEGORIES,
  Ownership,
} from '../dwelling.ts';
import { fail, ok, type Issue, type Result } from '../result.ts';
import { dayNumber, yearOf } from './iso-day.ts';

export const WhatIfInputSchema = z.strictObject({
  type: DwellingType,
  bouwjaar: z.number().int().min(1500).max(2100),
  /** Gebruiksoppervlakte, m²: BAG records whole m², at least 1 (a positive area below that ends up 0 in the Float32 score table and makes EP2 NaN). */
  oppervlakte: z.number().min(1).max(10_000),
  /** Planning date, YYYY-MM-DD: the natuurkalender counts from it and the build year may not be after it. */
  date: z.string(),
  label: EnergyLabel.optional(),
  eigendom: Ownership.optional(),
  /** Storey of the dwelling's entrance (0 = ground floor); apartments. */
  floorLevel: z.number().int().min(0).max(60).optional(),
  /** Storeys of the building. */
  storeys: z.number().int().min(1).max(60).optional(),
  roofShape: z.enum(['hellend', 'plat']).optional(),
  /** Front façade direction, degrees clockwise from north. */
  facadeAzimuthDeg: z.number().min(0).lt(360).optional(),
  /** Whether the dwelling is in a VvE. */
  inVve: z.boolean().optional(),
  /** Done block-wise (project price) or individually; by default project-wise for corporation stock and VvE's. */
  blockWise: z.boolean().optional(),
  elements: z
    .strictObject({
      cavityWall: ElementLevel.optional(),
      roof: ElementLevel.optional(),
      floor: ElementLevel.optional(),
      glazing: ElementLevel.optional(),
    })
    .optional(),
  /** Low-income share of the buurt (0–1), for the energy-poverty factor. */
  lowIncomeShare: z.number().min(0).max(1).optional(),
  /** Natuurkalender id (config/natuurkalender/<id>.json). */
  calendar: z.string().optional(),
});
export type WhatIfInput = z.infer<typeof WhatIfInputSchema>;

type WhatIfField = keyof typeof WhatIfInputSchema.shape;
/** What is wrong with a field: absent, not one of the allowed values, out of range, or otherwise invalid. */
type FieldProblem = 'missing' | 'unknown' | 'range' | 'invalid';
/** Every code the what-if input check sends: `whatif.<field>.<problem>` for each field, and the checks after it. */
export type WhatIfInputIssueCode =
  'whatif.unknown-field' | `whatif.${WhatIfField | 'body'}.${FieldProblem}` | 'whatif.bouwjaar.future';
const isField = (f: string): f is WhatIfField => Object.hasOwn(WhatIfInputSchema.shape, f);

const ALLOWED: Record<string, string> = {
  type: DWELLING_TYPES.join(', '),
  label: ENERGY_LABELS.join(', '),
  eigendom: OWNERSHIP_CATEGORIES.join(', '),
  roofShape: 'hellend, plat',
  bouwjaar: 'an integer year from 1500 to 2100, not after the planning date',
  oppervlakte: 'm² at least 1 and at most 10000',
  floorLevel: 'an integer 0–60',
  storeys: 'an integer 1–60',
  facadeAzimuthDeg: 'degrees from 0 up to (not including) 360',
  date: 'a date as YYYY-MM-DD',
  lowIncomeShare: 'a share from 0 to 1',
};

function valueAt(json: unknown, path: readonly PropertyKey[]): unknown {
  let v = json;
  for (const k of path) v = typeof v === 'object' && v !== null ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  return v;
}

function issueOf(i: z.core.$ZodIssue, json: unknown): Issue<WhatIfInputIssueCode> {
  const path = i.path.map((p) => (typeof p === 'number' ? p : String(p)));
  const key = String(path[0] ?? '');
  const field = isField(key) ? key : 'body';
  const where = path.join('.') || '(body)';
  if (i.code === 'unrecognized_keys') {
    return {
      code: 'whatif.unknown-field',
      path: [...path, i.keys[0]!],
      message: `unknown field "${i.keys.join('", "')}"; allowed: ${Object.keys(WhatIfInputSchema.shape).join(', ')}`,
    };
  }
  const missing = valueAt(json, i.path) === undefined;
  const problem: FieldProblem = missing
    ? 'missing'
    : i.code === 'invalid_value'
      ? 'unknown'
      : i.code === 'too_small' || i.code === 'too_big'
        ? 'range'
        : 'invalid';
  const allowed = path[0] === 'elements' ? ELEMENT_LEVELS.join(', ') : ALLOWED[field];
  return {
    code: `whatif.${field}.${problem}`,
    path,
    message: `${where}: ${missing ? 'required' : 'invalid value'}${allowed ? `; expected ${allowed}` : ''}`,
  };
}

/** Validates the what-if input; on success also gives the planning date as a day number. */
export function parseWhatIfInput(json: unknown): Result<WhatIfInput & { planningDay: number }, WhatIfInputIssueCode> {
  const r = WhatIfInputSchema.safeParse(json);
  if (!r.success) return fail(...r.error.issues.map((i) => issueOf(i, json)));
  const day = dayNumber(r.data.date);
  if (day === null)
    return fail({
      code: 'whatif.date.invalid',
      path: ['date'],
      message: `date: "${r.data.date}" is not a valid date; expected ${ALLOWED.date}`,
    });
  if (r.data.bouwjaar > yearOf(day)) {
    return fail({
      code: 'whatif.bouwjaar.future',
      path: ['bouwjaar'],
      message: `bouwjaar: ${r.data.bouwjaar} is after the planning date ${r.data.date}; expected ${ALLOWED.bouwjaar}`,
    });
  }
  if (r.data.floorLevel !== undefined && r.data.storeys !== undefined && r.data.floorLevel >= r.data.storeys) {
    return fail({
      code: 'whatif.floorLevel.range',
      path: ['floorLevel'],
      message: `floorLevel: ${r.data.floorLevel} is not below storeys (${r.data.storeys})`,
    });
  }
  return ok({ ...r.data, planningDay: day });
}
