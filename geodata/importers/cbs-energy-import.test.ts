import { describe, expect, it } from 'vitest';
import { readDataset } from '../dataset-store.ts';
import {
  importInto,
  quotedLine,
  registeredDataset,
  tempDir,
  writeCbsCsv,
} from '../../test/fixtures/importers/harness.ts';

const dir = tempDir('cbs-energie');
/** As StatLine's CSV download writes it: `;`, every field quoted, '.' for a suppressed cell. */
const HEADER =
  '"Woningkenmerken";"Wijken en buurten";"Regioaanduiding/Gemeentenaam (naam)";"Regioaanduiding/Codering (code)";"Perioden";"Gemiddeld aardgasverbruik (m3)"';
const line = quotedLine;
const write = (name: string, lines: string[]) => writeCbsCsv(dir, name, lines);

describe('import cbs-energie: CBS Energieverbruik particuliere woningen (StatLine CSV)', async () => {
  const { file: dsFile } = await registeredDataset(dir);
  const csv = write('85999NED_UntypedDataSet.csv', [
    HEADER,
    line('Totaal woningen', 'Roosendaal', 'Roosendaal', 'GM1674', '2023', '1010'),
    line('Tussenwoning', 'Kalsdonk', 'Roosendaal', 'WK167402', '2023', '1050'),
    line('Tussenwoning', 'Kalsdonk-Noord', 'Roosendaal', 'BU16740202', '2023', '1120'),
    line('Appartement', 'Kalsdonk-Noord', 'Roosendaal', 'BU16740202', '2023', '.'),
    line('Koopwoning', 'Kalsdonk-Noord', 'Roosendaal', 'BU16740202', '2023', '1240'),
    line('2-onder-1-kap woning', 'Westrand', 'Roosendaal', 'BU16740300', '2023', '1430'),
    line('Tussenwoning', 'Zundert', 'Zundert', 'GM0879', '2023', '840'),
    line('Bungalow', 'Kalsdonk-Noord', 'Roosendaal', 'BU16740202', '2023', '900'),
    line('Hoekwoning', 'Kalsdonk-Noord', 'Roosendaal', 'BU16740202', '2023', 'n.v.t.'),
  ]);
  const r = await importInto(dsFile, 'cbs-energie', csv);

  it('reads per region × type and per tenure; read = accepted + rejected, suppressed cells kept as null', () => {
    expect(r.summary).toEqual({
      read: 9,
      accepted: 6,
      rejected: 3,
      reasons: { 'outside.gemeente': 1, 'invalid.woningkenmerken': 1, 'invalid.aardgasverbruik': 1 },
    });
    const rows = readDataset(dsFile).measuredGasUse!;
    expect(rows).toHaveLength(6);
    expect(rows.find((x) => x.regionCode === 'BU16740202' && x.characteristic === 'appartement')).toMatchObject({
      gasM3: null,
      year: 2023,
      table: '85999NED',
    });
    expect(rows.find((x) => x.regionCode === 'BU16740300')).toMatchObject({
      characteristic: 'twee-onder-een-kap',
      gasM3: 1430,
    });
    expect(rows.find((x) => x.characteristic === 'koopwoning')).toMatchObject({ gasM3: 1240 });
  });

  it('is idempotent: the same file again changes nothing', async () => {
    await importInto(dsFile, 'cbs-energie', csv);
    expect(readDataset(dsFile).measuredGasUse).toHaveLength(6);
  });

  it('refuses another layout (no gas column) with a coded error naming the expected column', async () => {
    const other = write('other-layout.csv', [
      '"Woningkenmerken";"Wijken en buurten";"Gemiddelde elektriciteitslevering (kWh)"',
      line('Tussenwoning', 'BU16740202', '2400'),
    ]);
    await expect(importInto(dsFile, 'cbs-energie', other)).rejects.toMatchObject({ code: 'import.header' });
  });

  it('refuses a comma-separated file: StatLine writes ";"', async () => {
    const comma = write('comma.csv', [
      'Woningkenmerken,Codering,Gemiddeld aardgasverbruik (m3)',
      'Tussenwoning,BU16740202,1100',
    ]);
    await expect(importInto(dsFile, 'cbs-energie', comma)).rejects.toMatchObject({ code: 'import.delimiter' });
  });
});
