import { describe, expect, it } from 'vitest';
import { parseBagId, parseBoolean, parseDate, parseDecimal, parseInteger, parseText } from './field-values.ts';

describe('register cell values', () => {
  it('reads decimal commas and thousands separators', () => {
    expect(parseDecimal('612,50')).toBe(612.5);
    expect(parseDecimal('1.234,56')).toBe(1234.56);
    expect(parseDecimal('€ 598')).toBe(598);
    expect(parseDecimal('612.5')).toBe(612.5);
    expect(parseDecimal('')).toBeNull();
    expect(parseDecimal('veel')).toBeUndefined();
    expect(parseInteger('12')).toBe(12);
    expect(parseInteger('1,5')).toBeUndefined();
  });

  it('reads YYYYMMDD, ISO and Dutch dates and rejects impossible ones', () => {
    expect(parseDate('20240301')).toBe('2024-03-01');
    expect(parseDate('2024-03-01')).toBe('2024-03-01');
    expect(parseDate('1-3-2024')).toBe('2024-03-01');
    expect(parseDate('2024-06-01T00:00:00.000Z')).toBe('2024-06-01');
    expect(parseDate('20240230')).toBeUndefined();
    expect(parseDate('2022-13-05')).toBeUndefined();
    expect(parseDate(' ')).toBeNull();
  });

  it('reads ja/nee and trims text', () => {
    expect(parseBoolean('Ja')).toBe(true);
    expect(parseBoolean('nee')).toBe(false);
    expect(parseBoolean('misschien')).toBeUndefined();
    expect(parseText('  a ')).toBe('a');
    expect(parseText('')).toBeNull();
  });

  it('restores BAG ids a spreadsheet shortened and strips the IMBAG prefix', () => {
    expect(parseBagId('344010000012345')).toBe('0344010000012345');
    expect(parseBagId('NL.IMBAG.Verblijfsobject.1674010000000001')).toBe('1674010000000001');
    expect(parseBagId('123')).toBeUndefined();
    expect(parseBagId('')).toBeNull();
  });
});
