import { describe, expect, it } from 'vitest';
import { GeodataFormatError } from './format-error.ts';

describe('GeodataFormatError', () => {
  it('is an Error with a stable code, a message and its own name', () => {
    const e = new GeodataFormatError('wkb.truncated', 'WKB: expected 16 more bytes at byte 5, found 3');
    expect(e).toBeInstanceOf(Error);
    expect(e.code).toBe('wkb.truncated');
    expect(e.message).toBe('WKB: expected 16 more bytes at byte 5, found 3');
    expect(e.name).toBe('GeodataFormatError');
  });
});
