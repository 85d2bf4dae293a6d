import { describe, expect, it } from 'vitest';
import {
  ATTRIBUTE_IDS,
  ATTRIBUTE_STYLES,
  UNKNOWN_COLOR,
  categoryLabel,
  colorExpression,
  isAttributeId,
} from './attribute-styles.ts';

describe('attribute styles', () => {
  it('has Dutch names for the four attributes', () => {
    expect(ATTRIBUTE_IDS.map((id) => ATTRIBUTE_STYLES[id].label)).toEqual([
      'Eigendom',
      'Bouwperiode',
      'Energielabel',
      'Woningtype',
    ]);
  });

  it('lists the ownership categories as the users name them', () => {
    expect(ATTRIBUTE_STYLES.ownership.categories.map((c) => c.label)).toEqual([
      'eigenaar-bewoner',
      'corporatie',
      'particuliere verhuur',
      'overig',
    ]);
  });

  it('ramps energy labels from green (A++++) to red (G)', () => {
    const cats = ATTRIBUTE_STYLES.label.categories;
    expect(cats.map((c) => c.value)).toEqual(['A++++', 'A+++', 'A++', 'A+', 'A', 'B', 'C', 'D', 'E', 'F', 'G']);
    const rgb = (hex: string): number[] => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
    const [r0, g0] = rgb(cats[0]!.color);
    const [rG, gG] = rgb(cats.at(-1)!.color);
    expect(g0!).toBeGreaterThan(r0!);
    expect(rG!).toBeGreaterThan(gG!);
  });

  it('gives every category a distinct valid colour', () => {
    for (const id of ATTRIBUTE_IDS) {
      const colors = ATTRIBUTE_STYLES[id].categories.map((c) => c.color);
      for (const c of colors) expect(c).toMatch(/^#[0-9a-f]{6}$/);
      expect(new Set(colors).size).toBe(colors.length);
    }
  });

  it('uses the build periods of the tiles and writes them with an en dash', () => {
    const first = ATTRIBUTE_STYLES.period.categories[2]!;
    expect(first.value).toBe('1946 - 1964');
    expect(first.label).toBe('1946–1964');
  });

  it('translates dwelling types', () => {
    expect(categoryLabel('type', 'portiek')).toBe('portiekflat');
    expect(categoryLabel('type', 'onbekend')).toBe('onbekend');
  });

  it('builds a match expression with a fallback colour', () => {
    const expr = colorExpression('ownership');
    expect(expr[0]).toBe('match');
    expect(expr).toContain('corporatie');
    expect(expr.at(-1)).toBe(UNKNOWN_COLOR);
    expect(expr.length).toBe(2 + 2 * 4 + 1);
  });

  it('recognises attribute ids', () => {
    expect(isAttributeId('label')).toBe(true);
    expect(isAttributeId('woz')).toBe(false);
  });
});
