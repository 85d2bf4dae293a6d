import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { DWELLING_TYPES, ELEMENT_LEVELS, ENERGY_LABELS, OWNERSHIP_CATEGORIES } from '../../engine/dwelling.ts';
import { whatIf } from '../../engine/retrofit/what-if.ts';
import { testApp } from '../api/test-app.ts';
import { check, nastyJson, watchProcess } from './fc-settings.ts';
import { expectCodedIssues, mutatedJson, nonFinite } from './mutate.ts';

/**
 * The what-if input (engine/retrofit/what-if-input.ts, POST /api/retrofit/what-if): random, in-range and
 * mutated inputs never throw; they end in coded issues (whatif.<field>.<problem>, with a path) or in a result
 * whose every number is finite.
 */
const watch = watchProcess();
afterAll(() => watch.stop());

const VALID = [
  {
    type: 'tussenwoning',
    bouwjaar: 1965,
    oppervlakte: 100,
    label: 'E',
    eigendom: 'eigenaar-bewoner',
    date: '2025-03-01',
  },
  {
    type: 'portiek',
    bouwjaar: 1958,
    oppervlakte: 62,
    date: '2026-05-15',
    eigendom: 'corporatie',
    floorLevel: 3,
    storeys: 4,
    roofShape: 'plat',
    facadeAzimuthDeg: 215.5,
    inVve: false,
    blockWise: true,
    elements: { cavityWall: 'N1', roof: 'N0', floor: 'N2', glazing: 'N3' },
    lowIncomeShare: 0.31,
    calendar: 'landelijk',
  },
];

/** Inputs inside every documented range: the engine's arithmetic must hold across them. */
const inRange = fc
  .record(
    {
      type: fc.constantFrom(...DWELLING_TYPES),
      bouwjaar: fc.integer({ min: 1500, max: 2100 }),
      oppervlakte: fc.oneof(fc.double({ min: 1, max: 10_000, noNaN: true }), fc.constantFrom(1, 10_000)),
      date: fc
        .date({ min: new Date('1500-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10)),
      label: fc.option(fc.constantFrom(...ENERGY_LABELS), { nil: undefined }),
      eigendom: fc.option(fc.constantFrom(...OWNERSHIP_CATEGORIES), { nil: undefined }),
      floorLevel: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
      storeys: fc.option(fc.integer({ min: 1, max: 60 }), { nil: undefined }),
      roofShape: fc.option(fc.constantFrom('hellend', 'plat'), { nil: undefined }),
      facadeAzimuthDeg: fc.option(fc.double({ min: 0, max: 359.999, noNaN: true }), { nil: undefined }),
      inVve: fc.option(fc.boolean(), { nil: undefined }),
      blockWise: fc.option(fc.boolean(), { nil: undefined }),
      elements: fc.option(
        fc.record(
          {
            cavityWall: fc.constantFrom(...ELEMENT_LEVELS),
            roof: fc.constantFrom(...ELEMENT_LEVELS),
            floor: fc.constantFrom(...ELEMENT_LEVELS),
            glazing: fc.constantFrom(...ELEMENT_LEVELS),
          },
          { requiredKeys: [] },
        ),
        { nil: undefined },
      ),
      lowIncomeShare: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
    },
    { requiredKeys: ['type', 'bouwjaar', 'oppervlakte', 'date'] },
  )
  .map((o) => JSON.parse(JSON.stringify(o)) as unknown);

function expectOutcome(input: unknown): void {
  const label = JSON.stringify(input)?.slice(0, 300) ?? String(input);
  const r = whatIf(input);
  if (r.ok) expect(nonFinite(r.value), label).toEqual([]);
  else expectCodedIssues(r.issues, label);
  for (const i of r.ok ? [] : r.issues) expect(i.code, label).toMatch(/^whatif\./);
}

describe('what-if input (engine)', () => {
  it('the valid examples are valid (so the mutations start from something that works)', () => {
    for (const v of VALID) expect(whatIf(v).ok).toBe(true);
  });

  it('in-range inputs: a finite result, or a coded issue (build year after the date, floor above the roof)', async () => {
    await check(
      fc.property(inRange, (input) => expectOutcome(input)),
      400,
    );
  });

  it('mutated valid inputs (wrong types, NaN/Infinity, prototype keys, deletions, wrapping): coded issue or finite result', async () => {
    await check(
      fc.property(fc.oneof(...VALID.map((v) => mutatedJson(v))), (input) => expectOutcome(input)),
      600,
    );
  });

  it('found by this suite: prototype names as calendar and denormal floor areas are coded issues, not a throw or NaN', () => {
    for (const calendar of ['toString', '__proto__', 'constructor', 'hasOwnProperty']) {
      const r = whatIf({ ...VALID[0], calendar });
      expect(r.ok ? null : r.issues[0]!.code, calendar).toBe('whatif.calendar.unknown');
    }
    for (const oppervlakte of [5e-324, 1e-300, 0.5]) {
      const r = whatIf({ ...VALID[0], oppervlakte });
      expect(r.ok ? null : r.issues[0]!.code, String(oppervlakte)).toBe('whatif.oppervlakte.range');
    }
  });

  it('random JSON: coded issue', async () => {
    await check(
      fc.property(nastyJson(), (input) => expectOutcome(input)),
      300,
    );
  });
});

describe('POST /api/retrofit/what-if with mutated bodies', async () => {
  const app = await testApp();
  it('answers 200 with a finite result or 400 {code, message, path} — never 5xx', async () => {
    await check(
      fc.asyncProperty(fc.oneof(...VALID.map((v) => mutatedJson(v)), inRange), async (input) => {
        const body = JSON.stringify(input) ?? 'null';
        const res = await app.request('/api/retrofit/what-if', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        });
        const json = (await res.json()) as { code?: string; message?: string; path?: unknown[] };
        expect([200, 400], body.slice(0, 300)).toContain(res.status);
        if (res.status === 400) {
          expect(json.code, body.slice(0, 300)).toMatch(/^(whatif|body)\./);
          expect(typeof json.message).toBe('string');
          expect(json.path?.[0]).toBe('body');
        } else {
          expect(Array.isArray((json as { measures?: unknown }).measures), body.slice(0, 300)).toBe(true);
        }
      }),
      250,
    );
  });

  it('no unhandled rejection or uncaught exception', () => expect(watch.seen).toEqual([]));
});
