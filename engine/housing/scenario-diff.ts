/**
 * What changed between two versions of a scenario: interventions and targets added, removed or changed (matched
 * by id, or kind and position when a file gives no id), and the settings that differ. Field changes are listed
 * with their path and both values, so a reviewer sees "count 30 → 45" rather than two files.
 */
import { defaultTargetId } from './compile.ts';
import type { Scenario } from './scenario-schema.ts';

export interface FieldChange {
  path: (string | number)[];
  before: unknown;
  after: unknown;
}

export interface ItemDiff<T> {
  added: T[];
  removed: T[];
  changed: { id: string; before: T; after: T; fields: FieldChange[] }[];
}

export interface ScenarioDiff {
  interventions: ItemDiff<Scenario['interventions'][number]>;
  targets: ItemDiff<Scenario['targets'][number]>;
  /** Top-level fields besides interventions and targets (name, horizon, allocation, …). */
  settings: FieldChange[];
  /** No difference at all. */
  same: boolean;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Leaf differences between two JSON values; arrays of scalars compare as one value. */
export function fieldChanges(a: unknown, b: unknown, path: (string | number)[] = []): FieldChange[] {
  if (isObject(a) && isObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    return keys.flatMap((k) => fieldChanges(a[k], b[k], [...path, k]));
  }
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.some((x) => typeof x === 'object'))
    return a.flatMap((x, i) => fieldChanges(x, b[i], [...path, i]));
  return JSON.stringify(a) === JSON.stringify(b) ? [] : [{ path, before: a, after: b }];
}

function diffItems<T>(a: readonly T[], b: readonly T[], idOf: (x: T, k: number) => string): ItemDiff<T> {
  const before = new Map(a.map((x, k) => [idOf(x, k), x]));
  const after = new Map(b.map((x, k) => [idOf(x, k), x]));
  const out: ItemDiff<T> = { added: [], removed: [], changed: [] };
  for (const [id, x] of before) if (!after.has(id)) out.removed.push(x);
  for (const [id, y] of after) {
    const x = before.get(id);
    if (x === undefined) out.added.push(y);
    else {
      const fields = fieldChanges(x, y);
      if (fields.length > 0) out.changed.push({ id, before: x, after: y, fields });
    }
  }
  return out;
}

/** The difference from `a` (older) to `b` (newer); both as the schema parsed them (defaults filled in). */
export function scenarioDiff(a: Scenario, b: Scenario): ScenarioDiff {
  const interventions = diffItems(a.interventions, b.interventions, (iv, k) => iv.id ?? `${iv.kind}-${k + 1}`);
  const targets = diffItems(a.targets, b.targets, (t) => t.id ?? defaultTargetId(t));
  const rest = (s: Scenario) => {
    const { interventions: _i, targets: _t, ...r } = s;
    return r;
  };
  const settings = fieldChanges(rest(a), rest(b));
  const empty = (d: ItemDiff<unknown>) => d.added.length + d.removed.length + d.changed.length === 0;
  return { interventions, targets, settings, same: empty(interventions) && empty(targets) && settings.length === 0 };
}
