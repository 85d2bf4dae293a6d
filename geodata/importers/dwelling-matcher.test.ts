import { describe, expect, it } from 'vitest';
import { baseDataset } from '../../test/fixtures/importers/base-dataset.ts';
import { DwellingMatcher } from './dwelling-matcher.ts';

describe('joining register rows to dwellings', () => {
  const ds = baseDataset();
  const real = ds.dwellings.slice(0, 3).map((d, i) => ({
    ...d,
    vboId: `167401000000000${i + 1}`,
    provenance: 'registered' as const,
    address: { ...d.address, huisnummer: 10, huisletter: i === 2 ? 'A' : null, toevoeging: i === 1 ? '1' : null },
  }));
  const twin = { ...real[0]!, vboId: '1674010000000009' };
  const m = new DwellingMatcher([...real, twin, ds.dwellings[3]!]);

  it('joins on the BAG id, and on the normalised address only when the row has no id', () => {
    expect(m.match('1674010000000002', { postcode: null, huisnummer: null })).toMatchObject({
      ok: true,
      dwelling: { vboId: '1674010000000002' },
    });
    expect(m.match(null, { postcode: '4702 ab', huisnummer: '10', huisletter: 'a' })).toMatchObject({
      ok: true,
      dwelling: { vboId: '1674010000000003' },
    });
    expect(m.match(null, { postcode: '4702AB', huisnummer: 10, toevoeging: '-1' })).toMatchObject({
      ok: true,
      dwelling: { vboId: '1674010000000002' },
    });
    expect(m.match('1674010000000099', { postcode: '4702AB', huisnummer: 10, toevoeging: '1' })).toMatchObject({
      ok: false,
      reason: 'no-matching-dwelling',
    });
  });

  it('never joins synthetic dwellings and does not guess between two at one address', () => {
    expect(m.match(ds.dwellings[3]!.vboId, { postcode: null, huisnummer: null })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/is synthetic/),
    });
    expect(m.match(null, { postcode: '4702AB', huisnummer: 10 })).toMatchObject({
      ok: false,
      reason: 'ambiguous-address',
    });
    expect(m.match(null, { postcode: 'x', huisnummer: 10 })).toMatchObject({ ok: false, reason: 'invalid.address' });
  });
});
