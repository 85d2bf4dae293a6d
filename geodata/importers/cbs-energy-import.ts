import { basename } from 'node:path';
import { GAS_USE_CHARACTERISTICS, MeasuredGasUse } from '../../engine/registers.ts';
import { cbsRegionReader } from './cbs-region.ts';
import { upsertByKey } from './dataset-merge.ts';
import { fileDate, type Importer } from './import-context.ts';
import { openTable, normaliseName, type TableSpec } from './table-source.ts';

/**
 * CBS "Energieverbruik particuliere woningen; woningtype, wijken en buurten" (85999NED for 2023; earlier years
 * 85697NED, 84837NED) as StatLine's CSV download writes it: `;`-separated, quoted, '.' for a suppressed cell.
 * Column titles differ a little between years and between the title and the identifier download, so each column
 * has aliases; a file without a region code, a characteristic or the gas column is refused with a coded error.
 */
export const CBS_ENERGY_SPEC: TableSpec = {
  delimiter: ';',
  columns: [
    { key: 'characteristic', aliases: ['Woningkenmerken', 'Woningtype', 'Kenmerken woningen'] },
    {
      key: 'region',
      aliases: ['Regioaanduiding/Codering (code)', 'Codering (code)', 'Codering', 'Codering_3', 'WijkenEnBuurten'],
    },
    {
      key: 'gas',
      aliases: [
        'Gemiddeld aardgasverbruik (m3)',
        'Gemiddeld aardgasverbruik',
        'GemiddeldAardgasverbruik_4',
        'GemiddeldAardgasverbruik',
        'Aardgasverbruik (m3)',
      ],
    },
    { key: 'period', aliases: ['Perioden', 'Periode', 'Jaar'] },
  ],
  required: ['characteristic', 'region', 'gas'],
};

/** StatLine labels of Woningkenmerken (folded by normaliseName) to the model's characteristics. */
const CHARACTERISTIC_BY_LABEL: Readonly<Record<string, (typeof GAS_USE_CHARACTERISTICS)[number]>> = {
  totaal: 'totaal',
  totaal_woningen: 'totaal',
  woningen_totaal: 'totaal',
  appartement: 'appartement',
  meergezinswoning: 'appartement',
  tussenwoning: 'tussenwoning',
  hoekwoning: 'hoekwoning',
  '2_onder_1_kap_woning': 'twee-onder-een-kap',
  twee_onder_een_kapwoning: 'twee-onder-een-kap',
  '2_onder_1_kapwoning': 'twee-onder-een-kap',
  vrijstaande_woning: 'vrijstaand',
  vrijstaand: 'vrijstaand',
  koopwoning: 'koopwoning',
  eigen_woning: 'koopwoning',
  eigendom_koopwoning: 'koopwoning',
  huurwoning: 'huurwoning',
  eigendom_huurwoning: 'huurwoning',
};

/** The CBS table id in the file name (e.g. 85999NED_TypedDataSet.csv), else 'onbekend'. */
function tableIdOf(file: string): string {
  return /\b(\d{5}NED)\b/i.exec(basename(file).replace(/_/g, ' '))?.[1]?.toUpperCase() ?? 'onbekend';
}

/**
 * `voorraad import cbs-energie`: measured average gas use per region × dwelling type and per tenure. Rows of the
 * dataset's gemeenten (and their wijken and buurten) are taken, others rejected; a suppressed cell ('.') is kept as
 * null so the calibration states its fallback for the dwellings it concerns. Re-importing replaces region × kind × year.
 */
export const importCbsEnergy: Importer = async (ctx) => {
  const ds = ctx.dataset;
  const readRegion = cbsRegionReader(ds);
  const table = openTable(ctx.file, CBS_ENERGY_SPEC);
  const tableId = tableIdOf(ctx.file);
  const out: MeasuredGasUse[] = [];
  let latestYear = 0;
  for await (const { row, values, problem } of table.rows) {
    ctx.tally.read();
    const reject = (field: string, reason: string, message: string) =>
      ctx.tally.reject({ row, field, reason, message });
    if (problem) {
      reject(problem.field, problem.reason, problem.message);
      continue;
    }
    const label = normaliseName(values.characteristic ?? '');
    const characteristic = CHARACTERISTIC_BY_LABEL[label];
    if (!characteristic) {
      reject(
        'Woningkenmerken',
        'invalid.woningkenmerken',
        `expected one of Totaal woningen, Appartement, Tussenwoning, Hoekwoning, 2-onder-1-kap woning, Vrijstaande woning, Koopwoning, Huurwoning; found "${values.characteristic ?? ''}"`,
      );
      continue;
    }
    const read = readRegion(values.region);
    if (!read.ok) {
      reject('Codering', read.problem === 'invalid' ? 'invalid.codering' : read.problem, read.message);
      continue;
    }
    const region = read.region;
    const rawGas = (values.gas ?? '').trim();
    const gas = rawGas === '.' ? null : Number(rawGas.replace(',', '.'));
    if (gas !== null && (rawGas === '' || !Number.isFinite(gas) || gas < 0)) {
      reject(
        'Gemiddeld aardgasverbruik',
        'invalid.aardgasverbruik',
        `expected m³ ≥ 0 or '.' (suppressed), found "${rawGas}"`,
      );
      continue;
    }
    const yearText = /(\d{4})/.exec(values.period ?? '')?.[1];
    const year = yearText ? Number(yearText) : ctx.dataDate ? Number(ctx.dataDate.slice(0, 4)) : NaN;
    if (!Number.isInteger(year)) {
      reject('Perioden', 'missing.perioden', 'expected a year in Perioden (e.g. 2023) or --data-date');
      continue;
    }
    const record = MeasuredGasUse.safeParse({
      regionCode: region,
      characteristic,
      gasM3: gas,
      year,
      table: tableId,
      dataDate: ctx.dataDate ?? `${year}-12-31`,
    });
    if (!record.success) {
      const issue = record.error.issues[0]!;
      reject(String(issue.path[0] ?? '(row)'), 'invalid.value', issue.message);
      continue;
    }
    latestYear = Math.max(latestYear, year);
    out.push(record.data);
    ctx.tally.accept();
  }
  ds.measuredGasUse = upsertByKey(ds.measuredGasUse ?? [], out, (r) => `${r.regionCode}|${r.characteristic}|${r.year}`);
  return { dataDate: ctx.dataDate ?? (latestYear ? `${latestYear}-12-31` : fileDate(ctx.file)) };
};
