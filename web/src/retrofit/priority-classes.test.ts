import { describe, expect, it } from 'vitest';
import { displayedPriorities, roundPriority } from './priority-classes.ts';

describe('displayed priorities', () => {
  it('round to one decimal like the popup', () => {
    expect(roundPriority(59.96)).toBe(60);
    expect(displayedPriorities(Float32Array.of(59.94, 10.05))).toEqual([59.9, 10.1]);
  });
});
