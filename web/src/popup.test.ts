import { describe, expect, it } from 'vitest';
import { dwellingPopup, pickerEntries } from './popup.ts';

const props = {
  vboId: '1674010000012345',
  pandId: '1674100000054321',
  buurtcode: 'BU16740202',
  address: 'Lijsterstraat 12A',
  postcode: '4701AB',
  bouwjaar: 1968,
  period: '1965 - 1974',
  type: 'portiek',
  ownership: 'corporatie',
  label: 'E',
  labelSource: 'imputed',
  vveId: '',
  oppervlakte: 72.5,
  wozBand: '150-200k',
  floorLevel: 2,
};
const names = new Map([['BU16740202', 'Kalsdonk']]);
const value = (p: ReturnType<typeof dwellingPopup>, label: string): string | undefined =>
  p.rows.find((r) => r.label === label)?.value.replace(/[\u00a0\u202f]/g, ' ');

describe('dwelling popup', () => {
  it('shows every field in Dutch', () => {
    const p = dwellingPopup(props, names);
    expect(p.title).toBe('Lijsterstraat 12A, 4701 AB');
    expect(value(p, 'Buurt')).toBe('Kalsdonk');
    expect(value(p, 'Bouwjaar')).toBe('1968');
    expect(value(p, 'Gebruiksoppervlakte')).toBe('72,5 m²');
    expect(value(p, 'Woningtype')).toBe('portiekflat');
    expect(value(p, 'Eigendom')).toBe('corporatie');
    expect(value(p, 'Energielabel')).toBe('E (geschat)');
    expect(value(p, 'VvE')).toBe('geen');
    expect(value(p, 'WOZ-klasse')).toBe('€ 150.000 – € 200.000');
    expect(value(p, 'Verdieping')).toBe('2e verdieping');
    expect(value(p, 'BAG verblijfsobject-id')).toBe('1674010000012345');
    expect(value(p, 'BAG pand-id')).toBe('1674100000054321');
  });

  it('marks registered labels and names the VvE', () => {
    const p = dwellingPopup({ ...props, labelSource: 'registered', vveId: 'VVE-0042' }, names);
    expect(value(p, 'Energielabel')).toBe('E (geregistreerd)');
    expect(value(p, 'VvE')).toBe('VVE-0042');
  });

  it('falls back to the buurt code and dashes for missing values', () => {
    const p = dwellingPopup({ buurtcode: 'BU16749999' }, names);
    expect(value(p, 'Buurt')).toBe('BU16749999');
    expect(value(p, 'Bouwjaar')).toBe('–');
    expect(value(p, 'Energielabel')).toBe('–');
  });
});

describe('pickerEntries', () => {
  it('lists each stacked dwelling once, lowest storey first, with address and storey', () => {
    const at = (vboId: string, address: string, floorLevel: number) => ({ ...props, vboId, address, floorLevel });
    const entries = pickerEntries([
      at('3', 'Lijsterstraat 12B', 1),
      at('1', 'Lijsterstraat 12', 0),
      at('3', 'Lijsterstraat 12B', 1),
      at('2', 'Lijsterstraat 12A', 1),
      { vboId: '' },
    ]);
    expect(entries.map((e) => e.vboId)).toEqual(['1', '2', '3']);
    expect(entries[0]!.label).toBe('Lijsterstraat 12 · begane grond');
    expect(entries[1]!.label).toBe('Lijsterstraat 12A · 1e verdieping');
  });
});
