import { parseArgs } from 'node:util';
import { IsoDate } from '../engine/dwelling.ts';
import { IMPORT_KINDS, type ImportKind } from '../engine/registers.ts';
import type { SourceCrs } from '../geodata/importers/import-context.ts';
import type { ImportSummary } from '../geodata/importers/import-tally.ts';
import { runImport } from '../geodata/importers/run-import.ts';
import { rejectReasonNl } from '../geodata/importers/reject-reasons-nl.ts';
import { parseBuurten } from './buurten-arg.ts';
import { UsageError } from './usage-error.ts';

const FORMATS = ['text', 'json'] as const;
const CRS_NAMES: Record<string, SourceCrs> = { 'EPSG:28992': 'EPSG:28992', 'EPSG:4326': 'CRS84', CRS84: 'CRS84' };

export const IMPORT_USAGE =
  'voorraad import <bag|eponline|cbs|cbs-energie|cbs-energiearmoede|portfolio|vve|species|signals|osm|bag-panden> <file> [--dataset file.gpkg] [--format text|json]\n' +
  '                [--buurten BU16740202,BU16740300] [--report rejected.csv] [--data-date YYYY-MM-DD] [--crs EPSG:28992|CRS84]';

/**
 * `voorraad import <kind> <file>`: reads a register into the dataset and prints read = accepted + rejected by
 * reason (`--format json`: `{ read, accepted, rejected, reasons }`). A file that cannot be read as its format
 * exits 1 naming what was expected and found, and leaves the dataset as it was.
 */
export async function importCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      dataset: { type: 'string' },
      format: { type: 'string', default: 'text' },
      buurten: { type: 'string' },
      report: { type: 'string' },
      'data-date': { type: 'string' },
      crs: { type: 'string' },
    },
  });
  const [kind, file, ...extra] = positionals;
  if (kind === undefined || file === undefined || extra.length > 0)
    throw new UsageError(`expected a kind and one file\n${IMPORT_USAGE}`);
  if (!IMPORT_KINDS.includes(kind as ImportKind))
    throw new UsageError(`unknown kind "${kind}"; expected one of ${IMPORT_KINDS.join(', ')}`);
  const format = values.format as (typeof FORMATS)[number];
  if (!FORMATS.includes(format))
    throw new UsageError(`--format: expected one of ${FORMATS.join(', ')}, found "${values.format}"`);
  const dataDate = values['data-date'] ?? null;
  if (dataDate !== null && (!IsoDate.safeParse(dataDate).success || Number.isNaN(Date.parse(dataDate))))
    throw new UsageError(`--data-date: expected a date YYYY-MM-DD, found "${dataDate}"`);
  const crs = values.crs === undefined ? null : CRS_NAMES[values.crs.toUpperCase()];
  if (crs === undefined) throw new UsageError(`--crs: expected EPSG:28992 or CRS84, found "${values.crs}"`);
  const buurten = parseBuurten(values.buurten);
  let datasetFile = values.dataset;
  if (datasetFile === undefined) {
    // Loaded on demand: the shipped-dataset module also pulls in the tile builders, which an import does not need.
    const shipped = await import('../geodata/shipped.ts');
    shipped.ensureShippedDataset();
    datasetFile = shipped.SHIPPED_DATASET;
  }
  const warn = (m: string) => process.stderr.write(`voorraad import: ${m}\n`);
  // Bad options and bad files are thrown as coded errors; cli/exit-codes.ts gives each its exit code.
  const r = await runImport({
    kind: kind as ImportKind,
    file,
    datasetFile,
    reportFile: values.report,
    dataDate,
    buurten,
    crs,
    warn,
  });
  if (format === 'json') {
    const { read, accepted, rejected, reasons } = r.summary;
    process.stdout.write(`${JSON.stringify({ read, accepted, rejected, reasons })}\n`);
    if (r.reportFile) warn(`rejected rows: ${r.reportFile}`);
  } else {
    process.stdout.write(formatSummary(kind, file, datasetFile, r.summary, r.reportFile, r.changed, r.synthetic));
  }
  return 0;
}

export function formatSummary(
  kind: string,
  file: string,
  dataset: string,
  s: ImportSummary,
  report: string | null,
  changed: boolean,
  synthetic: boolean,
): string {
  const width = Math.max(0, ...Object.keys(s.reasons).map((k) => k.length));
  const lines = [
    `import ${kind}: ${file} → ${dataset}`,
    `  read ${s.read} = accepted ${s.accepted} + rejected ${s.rejected}`,
    ...Object.entries(s.reasons).map(([reason, n]) => `    ${reason.padEnd(width)}  ${n}  (${rejectReasonNl(reason)})`),
  ];
  if (report) lines.push(`  rejected rows: ${report}`);
  lines.push(
    `  dataset ${changed ? 'updated' : 'unchanged (this file was imported before)'}; ${synthetic ? 'still contains synthetic records' : 'no synthetic records remain'}`,
  );
  return `${lines.join('\n')}\n`;
}
