import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FACTOR_IDS, parseWeights, parseWeightsText } from '../../engine/retrofit/weights.ts';
import { whatIf } from '../../engine/retrofit/what-if.ts';
import { check, nastyJson } from './fc-settings.ts';
import { expectCodedIssues, mutatedBytes, mutatedJson, nonFinite } from './mutate.ts';

/**
 * Weights files (engine/retrofit/weights.ts): mutated JSON and mutated bytes of the shipped file never throw;
 * they end in `weights.*` issues with a path, or in weights that score a dwelling to a finite priority.
 */
const SHIPPED_TEXT = readFileSync(new URL('../../config/weights.default.json', import.meta.url), 'utf8');
const SHIPPED = JSON.parse(SHIPPED_TEXT) as unknown;
const DWELLING = {
  type: 'portiek',
  bouwjaar: 1962,
  oppervlakte: 64,
  label: 'F',
  eigendom: 'corporatie',
  date: '2026-04-01',
  lowIncomeShare: 0.3,
};

function expectOutcome(r: ReturnType<typeof parseWeights>, label: string): void {
  if (!r.ok) {
    expectCodedIssues(r.issues, label);
    for (const i of r.issues) expect(i.code, label).toMatch(/^weights\./);
    return;
  }
  const scored = whatIf(DWELLING, { weights: r.value });
  expect(scored.ok, label).toBe(true);
  if (!scored.ok) return;
  expect(nonFinite(scored.value.priority), label).toEqual([]);
  expect(scored.value.priority.score, label).toBeGreaterThanOrEqual(0);
  expect(scored.value.priority.score, label).toBeLessThanOrEqual(100);
}

describe('weights files', () => {
  it('the shipped file is valid', () => expect(parseWeightsText(SHIPPED_TEXT).ok).toBe(true));

  it('mutated JSON: weights.* issue with a path, or weights that give a finite priority in 0–100', async () => {
    await check(
      fc.property(mutatedJson(SHIPPED), (json) =>
        expectOutcome(parseWeights(json), JSON.stringify(json)?.slice(0, 400) ?? 'undefined'),
      ),
      500,
    );
  });

  it('random factor weights within the schema: finite priority in 0–100, or weights.all-zero', async () => {
    const factors = fc.record(
      Object.fromEntries(
        FACTOR_IDS.map((f) => [
          f,
          fc.oneof(fc.constantFrom(0, 100, 1e-300), fc.double({ min: 0, max: 100, noNaN: true })),
        ]),
      ),
    );
    await check(
      fc.property(factors, (f) =>
        expectOutcome(parseWeights({ ...(SHIPPED as object), factors: f }), JSON.stringify(f)),
      ),
      300,
    );
  });

  it('mutated bytes of the file (truncation, flipped bytes, BOMs, huge fields): never throws', async () => {
    const bytes = new TextEncoder().encode(SHIPPED_TEXT);
    await check(
      fc.property(mutatedBytes(bytes), (b) =>
        expectOutcome(parseWeightsText(b.toString('utf8')), b.toString('utf8').slice(0, 200)),
      ),
      400,
    );
  });

  it('random JSON text: weights.* issue', async () => {
    await check(
      fc.property(nastyJson(), (j) =>
        expectOutcome(parseWeightsText(JSON.stringify(j) ?? ''), JSON.stringify(j)?.slice(0, 200) ?? ''),
      ),
      200,
    );
  });
});
