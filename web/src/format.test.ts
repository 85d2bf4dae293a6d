import { describe, expect, it } from 'vitest';
import {
  formatArea,
  formatCount,
  formatDate,
  formatFloorLevel,
  formatPostcode,
  formatShare,
  formatWozBand,
  formatYear,
} from './format.ts';

// Intl output uses non-breaking spaces in places; normalise them for readable expectations.
const plain = (s: string): string => s.replace(/[\u00a0\u202f]/g, ' ');

describe('nl-NL formatting', () => {
  it('groups thousands with a dot', () => {
    expect(formatCount(12345)).toBe('12.345');
    expect(formatCount(0)).toBe('0');
  });

  it('writes years without a separator', () => {
    expect(formatYear(1968)).toBe('1968');
  });

  it('uses a decimal comma for areas and shares', () => {
    expect(plain(formatArea(85.5))).toBe('85,5 m²');
    expect(plain(formatArea(1204))).toBe('1.204 m²');
    expect(plain(formatShare(0.4213))).toBe('42,1%');
    expect(plain(formatShare(1))).toBe('100,0%');
  });

  it('formats ISO dates as Dutch long dates and leaves other text alone', () => {
    expect(formatDate('2025-03-01')).toBe('1 maart 2025');
    expect(formatDate('2024-12-31')).toBe('31 december 2024');
    expect(formatDate('onbekend')).toBe('onbekend');
  });

  it('puts a space in postcodes', () => {
    expect(formatPostcode('4701AB')).toBe('4701 AB');
    expect(formatPostcode('4701 ab')).toBe('4701 AB');
    expect(formatPostcode('x')).toBe('x');
  });

  it('names storeys', () => {
    expect(formatFloorLevel(0)).toBe('begane grond');
    expect(formatFloorLevel(3)).toBe('3e verdieping');
  });

  it('spells out WOZ bands in euro', () => {
    expect(plain(formatWozBand('<150k'))).toBe('minder dan € 150.000');
    expect(plain(formatWozBand('150-200k'))).toBe('€ 150.000 – € 200.000');
    expect(plain(formatWozBand('>=400k'))).toBe('€ 400.000 of meer');
    expect(formatWozBand('?')).toBe('?');
  });
});
