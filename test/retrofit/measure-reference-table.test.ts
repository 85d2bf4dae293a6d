/**
 * The hybrid heat pump against Milieu Centraal's mean share of gas saved, over the shipped synthetic stock's
 * dwellings of each type (engine/retrofit/measure-references.ts), and the README table "Saving per measure and
 * dwelling type" being exactly what scripts/measure-reference-table.ts generates.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../engine/retrofit/params.ts';
import { hybridStockMeans, referenceTableMarkdown } from '../../engine/retrofit/measure-references.ts';
import { syntheticStock } from '../../geodata/reference/retrofit-synthetic-stock.ts';

const { stock } = syntheticStock();
const hybrid = hybridStockMeans(stock, DEFAULT_PARAMS);

describe('hybrid heat pump and the README reference table', () => {
  it('has a row for every ground-bound type', () => {
    expect(hybrid.map((h) => h.type)).toEqual(
      expect.arrayContaining(['tussenwoning', 'hoekwoning', 'twee-onder-een-kap', 'vrijstaand']),
    );
  });

  it.each(hybrid.map((h) => [h.type, h] as const))('%s: hybrid saving within ±35 %% of 60 %% of gas use', (_t, h) => {
    expect(h.ratio, `${h.type}: ${h.ratio.toFixed(2)}`).toBeGreaterThanOrEqual(0.65);
    expect(h.ratio, `${h.type}: ${h.ratio.toFixed(2)}`).toBeLessThanOrEqual(1.35);
    expect(h.model).toBeLessThan(h.gasUse);
  });

  it('README "Saving per measure and dwelling type" is the generated table (scripts/measure-reference-table.ts)', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    expect(readme).toContain(referenceTableMarkdown(hybrid));
  });
});
