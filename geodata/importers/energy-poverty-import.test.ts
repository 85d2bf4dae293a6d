import { describe, expect, it } from 'vitest';
import { readDataset } from '../dataset-store.ts';
import {
  importInto,
  quotedLine,
  registeredDataset,
  tempDir,
  writeCbsCsv,
} from '../../test/fixtures/importers/harness.ts';
import { resolveBuurtParameters } from '../../engine/buurt-parameters/resolve.ts';

const dir = tempDir('cbs-energiearmoede');
/** As CBS publishes the Monitor Energiearmoede for download: `;`, quoted, decimal comma, '.' for a suppressed cell. */
const HEADER = '"Regiocode";"Regionaam";"Perioden";"Aantal huishoudens";"HEQ (%)";"LIHE (%)";"LILEK (%)"';
const line = quotedLine;
const write = (name: string, lines: string[]) => writeCbsCsv(dir, name, lines);

describe('import cbs-energiearmoede: CBS/TNO Monitor Energiearmoede (CSV)', async () => {
  const { file: dsFile } = await registeredDataset(dir);
  const csv = write('monitor-energiearmoede-2022.csv', [
    HEADER,
    line('GM1674', 'Roosendaal', '2022', '34120', '6,9', '5,1', '4,2'),
    line('WK167402', 'Noord', '2022', '3300', '8,8', '6,4', '.'),
    line('BU16740202', 'Kalsdonk', '2022', '1650', '9,5', '.', '.'),
    line('BU16740300', 'Heerma van Vossstraat-Molenbeek', '2022', '.', 'x', 'x', 'x'),
    line('GM0879', 'Zundert', '2022', '9000', '5,0', '4,0', '3,0'),
    line('BU16740301', 'Herreweg', '2022', '700', '120', '4', '3'),
    line('Kalsdonk', 'Kalsdonk', '2022', '1650', '9', '5', '4'),
    line('BU16740302', 'Ettingen', '', '800', '4', '3', '2'),
  ]);
  const warnings: string[] = [];
  const r = await importInto(dsFile, 'cbs-energiearmoede', csv, { warn: (m: string) => warnings.push(m) });

  it('reads per region; read = accepted + rejected, naming the column of each rejection', () => {
    expect(r.summary).toEqual({
      read: 8,
      accepted: 4,
      rejected: 4,
      reasons: {
        'outside.gemeente': 1,
        'invalid.heq': 1,
        'invalid.regiocode': 1,
        'missing.perioden': 1,
      },
    });
  });

  it('stores percentages, suppressed cells as null, and the edition from the file name', () => {
    const rows = readDataset(dsFile).energyPoverty!;
    expect(rows).toHaveLength(4);
    expect(rows.find((x) => x.regionCode === 'BU16740202')).toEqual({
      regionCode: 'BU16740202',
      year: 2022,
      heqPct: 9.5,
      lihePct: null,
      lilekPct: null,
      households: 1650,
      table: 'monitor-energiearmoede-2022',
      dataDate: '2022-12-31',
    });
    expect(rows.find((x) => x.regionCode === 'BU16740300')).toMatchObject({ heqPct: null, households: null });
  });

  it('states the fallback per buurt: a suppressed cell falls to the wijk, then the gemeente, each named', () => {
    const ds = readDataset(dsFile);
    const p = resolveBuurtParameters(['BU16740202', 'BU16740300'], ds).byCode;
    expect(p.get('BU16740202')!.energyPoverty.heq).toMatchObject({ share: 0.095, region: 'BU16740202' });
    expect(p.get('BU16740202')!.energyPoverty.lihe).toMatchObject({ share: 0.064, region: 'WK167402' });
    expect(p.get('BU16740202')!.energyPoverty.lilek).toMatchObject({ share: 0.042, region: 'GM1674' });
    expect(p.get('BU16740300')!.energyPoverty.heq).toMatchObject({ share: 0.069, region: 'GM1674' });
    expect(warnings.some((w) => w.includes('BU16740202') && w.includes('LIHE') && w.includes('WK167402'))).toBe(true);
  });

  it('is idempotent: the same file again changes nothing', async () => {
    await importInto(dsFile, 'cbs-energiearmoede', csv);
    expect(readDataset(dsFile).energyPoverty).toHaveLength(4);
  });

  it("refuses another edition's layout without LILEK with a coded error naming the expected column", async () => {
    const other = write('old-layout.csv', [
      '"Regiocode";"Perioden";"HEQ (%)";"LIHE (%)"',
      line('GM1674', '2019', '7', '5'),
    ]);
    await expect(importInto(dsFile, 'cbs-energiearmoede', other)).rejects.toMatchObject({
      code: 'import.header',
      message: expect.stringContaining('LILEK'),
    });
  });

  it('refuses a comma-separated file: CBS writes ";"', async () => {
    const comma = write('comma.csv', ['Regiocode,HEQ (%),LIHE (%),LILEK (%)', 'GM1674,7,5,4']);
    await expect(importInto(dsFile, 'cbs-energiearmoede', comma)).rejects.toMatchObject({ code: 'import.delimiter' });
  });
});
