import { describe, expect, it } from 'vitest';
import { securityDataset } from '../test-fixtures/security-dataset.ts';
import { safetyAggregates } from './safety-aggregates.ts';

const ds = securityDataset();
const input = {
  buurten: ds.buurten.map((b) => ({ code: b.buurtcode, name: b.buurtnaam })),
  dwellingBuurt: new Map(ds.dwellings.map((d) => [d.vboId, d.buurtcode])),
  signals: ds.signals!,
  vacancyMonthsThreshold: 6,
};

describe('safetyAggregates', () => {
  it('rounds counts ≥ 10 to 5, suppresses smaller ones and gives rates only with ≥ 50 dwellings', () => {
    const r = safetyAggregates(input);
    if (!r.ok) throw new Error(r.message);
    const by = new Map(r.value.buurten.map((b) => [b.buurtcode, b]));
    expect(by.get('BU16740202')).toEqual({
      buurtcode: 'BU16740202',
      buurtnaam: 'Kalsdonk',
      dwellings: 120,
      nuisanceAddresses: 25,
      vacantAddresses: 10,
      roomLettingAddresses: null,
      nuisanceRate: 25 / 120,
      vacancyRate: 10 / 120,
      roomLettingRate: null,
    });
    expect(by.get('BU16740300')).toMatchObject({
      dwellings: 40,
      nuisanceAddresses: null,
      vacantAddresses: null,
      nuisanceRate: null,
      vacancyRate: null,
    });
    expect(by.get('BU16740000')).toMatchObject({
      nuisanceAddresses: null,
      vacantAddresses: null,
      roomLettingAddresses: null,
    });
    expect(r.value.window).toEqual({ from: '2024-01-01', to: '2024-12-31' });
  });

  it('refuses a dwelling outside the fixed geographies', () => {
    const r = safetyAggregates({ ...input, dwellingBuurt: new Map([['1', 'BU99999999']]) });
    expect(r).toMatchObject({ ok: false, code: 'geography.not-fixed' });
  });

  it('has no window and only zeros (suppressed) without signals', () => {
    const r = safetyAggregates({ ...input, signals: [] });
    if (!r.ok) throw new Error(r.message);
    expect(r.value.window).toBeNull();
    expect(r.value.buurten.every((b) => b.nuisanceAddresses === null)).toBe(true);
  });
});
