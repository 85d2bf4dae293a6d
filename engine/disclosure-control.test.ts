import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DISCLOSURE_RULES,
  controlCount,
  controlRate,
  countByFixedGeography,
  roundToMultiple,
} from './disclosure-control.ts';

describe('controlCount (docs/domain.md §6 defaults)', () => {
  it('suppresses every count below 10', () => {
    for (let n = 0; n < 10; n++) expect(controlCount(n)).toEqual({ value: null, suppressed: true });
  });

  it('rounds counts from 10 up to the nearest multiple of 5', () => {
    expect([10, 11, 12, 13, 14, 15, 17, 18, 102].map((n) => controlCount(n).value)).toEqual([
      10, 10, 10, 15, 15, 15, 15, 20, 100,
    ]);
  });

  it('never publishes a value that is not a multiple of 5 or below 10', () => {
    for (let n = 0; n < 500; n++) {
      const v = controlCount(n).value;
      if (v !== null) {
        expect(v % 5).toBe(0);
        expect(v).toBeGreaterThanOrEqual(10);
        expect(Math.abs(v - n)).toBeLessThanOrEqual(2.5);
      }
    }
  });

  it('refuses negative or fractional counts (a bug, not data)', () => {
    expect(() => controlCount(-1)).toThrow(RangeError);
    expect(() => controlCount(2.5)).toThrow(RangeError);
  });

  it('follows other rules when given', () => {
    expect(controlCount(6, { minCount: 5, roundTo: 3, minDenominator: 10 })).toEqual({ value: 6, suppressed: false });
    expect(() => roundToMultiple(3, 0)).toThrow(RangeError);
  });
});

describe('controlRate', () => {
  it('gives no rate when the denominator is below 50', () => {
    expect(controlRate(20, 49)).toEqual({ value: null, reason: 'small-denominator' });
  });

  it('gives no rate when the count itself is suppressed', () => {
    expect(controlRate(9, 500)).toEqual({ value: null, reason: 'suppressed-count' });
  });

  it('computes the rate from the rounded count, so rate × denominator never recovers the exact count', () => {
    const r = controlRate(13, 50);
    expect(r).toEqual({ value: 15 / 50, reason: null });
    expect(r.value! * 50).not.toBe(13);
  });

  it('caps at 1 when rounding goes above the denominator', () => {
    expect(controlRate(52, 50).value).toBe(1);
  });

  it('uses the documented defaults', () => {
    expect(DEFAULT_DISCLOSURE_RULES).toEqual({ minCount: 10, roundTo: 5, minDenominator: 50 });
  });
});

describe('countByFixedGeography', () => {
  const buurten = [
    { code: 'BU16740202', name: 'Kalsdonk' },
    { code: 'BU16740300', name: 'Molenbeek' },
  ];

  it('counts per fixed geography, zero where there are no records', () => {
    const r = countByFixedGeography(
      [{ b: 'BU16740202' }, { b: 'BU16740202' }, { b: 'BU16740202', skip: true }],
      buurten,
      (x) => x.b,
      (x) => !('skip' in x),
    );
    expect(r).toEqual({
      ok: true,
      value: new Map([
        ['BU16740202', 2],
        ['BU16740300', 0],
      ]),
    });
  });

  it('refuses a record outside the fixed geographies (no ad-hoc areas)', () => {
    const r = countByFixedGeography([{ b: 'mijn-polygoon' }], buurten, (x) => x.b);
    expect(r).toMatchObject({ ok: false, code: 'geography.not-fixed' });
  });
});
