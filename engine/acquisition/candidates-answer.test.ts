import { describe, expect, it } from 'vitest';
import { securityDataset } from '../test-fixtures/security-dataset.ts';
import { candidatesAnswer } from './candidates-answer.ts';
import { DEFAULT_ACQUISITION_CONFIG } from './params.ts';
import { planAcquisition } from './plan.ts';

const ds = securityDataset();
const plan = (signals: boolean, budgetEur = DEFAULT_ACQUISITION_CONFIG.budgetEur) => {
  const r = planAcquisition({
    dwellings: ds.dwellings,
    vves: ds.vves,
    signals: signals ? ds.signals! : null,
    config: { ...DEFAULT_ACQUISITION_CONFIG, budgetEur },
  });
  if (!r.ok) throw new Error(r.issues[0]!.message);
  return r;
};

interface Body {
  signalSource: string | null;
  totalCandidates: number;
  features: { id: string; properties: Record<string, unknown> & { rank: number; selected: boolean } }[];
}

describe('candidatesAnswer', () => {
  it('shows the top `limit` by rank plus every selected candidate, and counts what it shows', () => {
    const r = plan(true, 200_000);
    const a = candidatesAnswer(r.value, r.warnings, 1, { synthetic: true, signalSource: 'register' });
    const body = JSON.parse(a.json) as Body;
    expect(a.rows).toBe(body.features.length);
    expect(body.totalCandidates).toBe(r.value.candidates.length);
    const expected = r.value.candidates.filter((c) => c.rank <= 1 || c.selected).map((c) => c.vboId);
    expect(body.features.map((f) => f.id)).toEqual(expected);
    expect(body.features.length).toBeLessThan(r.value.candidates.length);
    expect([a.usesSignals, a.budgetEur, body.signalSource]).toEqual([true, 200_000, 'register']);
    expect(body.features.every((f) => 'nuisanceBand' in f.properties)).toBe(true);
    const all = candidatesAnswer(r.value, r.warnings, 5_000, { synthetic: true, signalSource: 'register' });
    expect(all.rows).toBe(r.value.candidates.length);
  });

  it('names no signal source and carries no signal fields for a plan without signals', () => {
    const r = plan(false);
    const a = candidatesAnswer(r.value, r.warnings, 50, { synthetic: false, signalSource: 'register' });
    const body = JSON.parse(a.json) as Body;
    expect([a.usesSignals, body.signalSource]).toEqual([false, null]);
    expect(body.features.every((f) => !('nuisanceBand' in f.properties))).toBe(true);
  });
});
