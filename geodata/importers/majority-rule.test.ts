import { describe, expect, it } from 'vitest';
import { parseMajority } from './majority-rule.ts';

describe('VvE majority rule', () => {
  it('reads fractions, percentages and words', () => {
    expect(parseMajority('2/3')).toBe(0.6667);
    expect(parseMajority('75%')).toBe(0.75);
    expect(parseMajority('0,5')).toBe(0.5);
    expect(parseMajority('Gewone meerderheid')).toBe(0.5);
    expect(parseMajority('gekwalificeerde meerderheid')).toBe(0.6667);
    expect(parseMajority('')).toBeNull();
    expect(parseMajority('3/2')).toBeUndefined();
    expect(parseMajority('veel')).toBeUndefined();
  });
});
