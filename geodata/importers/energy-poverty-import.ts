import { basename } from 'node:path';
import { resolveBuurtParameters } from '../../engine/buurt-parameters/resolve.ts';
import { EnergyPovertyIndicators } from '../../engine/registers.ts';
import { cbsRegionReader } from './cbs-region.ts';
import { upsertByKey } from './dataset-merge.ts';
import { fileDate, type Importer } from './import-context.ts';
import { openTable, type TableSpec } from './table-source.ts';

/**
 * The CBS/TNO Monitor Energiearmoede per gemeente, wijk and buurt as CBS publishes it for download: `;`-separated,
 * quoted, percentages of households with a decimal comma or point, suppressed cells as '.', 'x' or '-' (too few
 * households). Column titles differ between editions (2019–2020, 2021, 2019–2022), so each has aliases; a file
 * without a region code or one of HEQ, LIHE, LILEK is another layout and is refused with a coded error naming the
 * expected column (`import.header`).
 */
export const ENERGY_POVERTY_SPEC: TableSpec = {
  delimiter: ';',
  columns: [
    {
      key: 'region',
      aliases: [
        'Regiocode',
        'Codering (code)',
        'Regioaanduiding/Codering (code)',
        'Codering',
        'Gebiedscode',
        'WijkenEnBuurten',
      ],
    },
    { key: 'period', aliases: ['Perioden', 'Jaar', 'Periode'] },
    {
      key: 'households',
      aliases: ['Aantal huishoudens', 'Huishoudens (aantal)', 'Populatie (aantal)', 'Totaal huishoudens'],
    },
    { key: 'heq', aliases: ['HEQ (%)', 'HEQ', 'Hoge energiequote (%)', 'Hoge energiequote'] },
    {
      key: 'lihe',
      aliases: ['LIHE (%)', 'LIHE', 'Laag inkomen, hoge energiekosten (%)', 'Laag inkomen en hoge energiekosten (%)'],
    },
    {
      key: 'lilek',
      aliases: [
        'LILEK (%)',
        'LILEK',
        'Laag inkomen, lage energetische kwaliteit (%)',
        'Laag inkomen en lage energetische kwaliteit (%)',
      ],
    },
  ],
  required: ['region', 'heq', 'lihe', 'lilek'],
};

const SUPPRESSED = new Set(['.', 'x', 'X', '-', '?']);
const COLUMN_NAME = { heq: 'HEQ (%)', lihe: 'LIHE (%)', lilek: 'LILEK (%)' } as const;

/** The edition in the file name (e.g. "monitor-energiearmoede-2022.csv" → "monitor-energiearmoede-2022"), lower case. */
function tableOf(file: string): string {
  const name = basename(file)
    .replace(/\.[a-z]+$/i, '')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-');
  return name.slice(0, 60) || 'onbekend';
}

/** A percentage 0–100, null for a suppressed cell, or undefined when the cell is not a percentage. */
function percent(raw: string | undefined): number | null | undefined {
  const t = (raw ?? '').trim();
  if (SUPPRESSED.has(t)) return null;
  const v = Number(t.replace(',', '.'));
  return t !== '' && Number.isFinite(v) && v >= 0 && v <= 100 ? v : undefined;
}

/**
 * `voorraad import cbs-energiearmoede`: energy-poverty indicators per region and year, table `energiearmoede_cbs`.
 * Rows outside the dataset's gemeenten are rejected; a suppressed cell is kept as null, so the buurt parameters
 * state their fallback (wijk, gemeente, then the parameters file) for that buurt. After the import each dataset buurt
 * that did not get its own figure is named in a warning with the fallback it will use.
 */
export const importEnergyPoverty: Importer = async (ctx) => {
  const ds = ctx.dataset;
  const readRegion = cbsRegionReader(ds);
  const table = openTable(ctx.file, ENERGY_POVERTY_SPEC);
  const edition = tableOf(ctx.file);
  const out: EnergyPovertyIndicators[] = [];
  let latestYear = 0;
  for await (const { row, values, problem } of table.rows) {
    ctx.tally.read();
    const reject = (field: string, reason: string, message: string) =>
      ctx.tally.reject({ row, field, reason, message });
    if (problem) {
      reject(problem.field, problem.reason, problem.message);
      continue;
    }
    const read = readRegion(values.region);
    if (!read.ok) {
      reject('Regiocode', read.problem === 'invalid' ? 'invalid.regiocode' : read.problem, read.message);
      continue;
    }
    const region = read.region;
    const pct = { heq: percent(values.heq), lihe: percent(values.lihe), lilek: percent(values.lilek) };
    const bad = (Object.keys(pct) as (keyof typeof pct)[]).find((k) => pct[k] === undefined);
    if (bad) {
      reject(
        COLUMN_NAME[bad],
        `invalid.${bad}`,
        `expected a percentage 0–100 or '.' (suppressed), found "${values[bad] ?? ''}"`,
      );
      continue;
    }
    const yearText = /(\d{4})/.exec(values.period ?? '')?.[1];
    const year = yearText ? Number(yearText) : ctx.dataDate ? Number(ctx.dataDate.slice(0, 4)) : NaN;
    if (!Number.isInteger(year)) {
      reject('Perioden', 'missing.perioden', 'expected a year in Perioden (e.g. 2022) or --data-date');
      continue;
    }
    const householdsText = (values.households ?? '').trim();
    const households = householdsText === '' || SUPPRESSED.has(householdsText) ? null : Number(householdsText);
    const record = EnergyPovertyIndicators.safeParse({
      regionCode: region,
      year,
      heqPct: pct.heq,
      lihePct: pct.lihe,
      lilekPct: pct.lilek,
      households,
      table: edition,
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
  ds.energyPoverty = upsertByKey(ds.energyPoverty ?? [], out, (r) => `${r.regionCode}|${r.year}`);
  // The stated fallback per buurt: every dataset buurt without its own figure is named, with what it will use.
  const resolved = resolveBuurtParameters(
    ds.buurten.map((b) => b.buurtcode),
    ds,
  );
  for (const w of resolved.warnings) if (w.code === 'buurt-parameters.monitor.fallback') ctx.warn(w.message);
  return { dataDate: ctx.dataDate ?? (latestYear ? `${latestYear}-12-31` : fileDate(ctx.file)) };
};
