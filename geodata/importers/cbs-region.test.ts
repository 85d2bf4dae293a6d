import { describe, expect, it } from 'vitest';
import { smallDataset } from '../../engine/test-fixtures/small-dataset.ts';
import { cbsRegionReader } from './cbs-region.ts';

describe('CBS region cell', () => {
  const read = cbsRegionReader(smallDataset());

  it('takes gemeente, wijk and buurt codes of the dataset, normalised', () => {
    expect(read(' gm1674 ')).toEqual({ ok: true, region: 'GM1674' });
    expect(read('WK167402')).toEqual({ ok: true, region: 'WK167402' });
    expect(read('BU16740202')).toEqual({ ok: true, region: 'BU16740202' });
  });

  it('refuses another gemeente and a cell that is no region code, saying which', () => {
    expect(read('BU07740000')).toMatchObject({ ok: false, problem: 'outside.gemeente' });
    expect(read('Roosendaal')).toMatchObject({ ok: false, problem: 'invalid', message: /found "Roosendaal"/ });
    expect(read(undefined)).toMatchObject({ ok: false, problem: 'invalid' });
  });
});
