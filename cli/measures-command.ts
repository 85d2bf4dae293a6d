import { parseArgs } from 'node:util';
import { ELEMENT_LEVELS } from '../engine/dwelling.ts';
import { whatIfReportNl } from '../engine/retrofit/report-nl.ts';
import { whatIf } from '../engine/retrofit/what-if.ts';
import { UsageError } from './usage-error.ts';

const FORMATS = ['table', 'json'] as const;

/** Today in the Netherlands as YYYY-MM-DD (the engine takes the date as input). */
function todayInNl(): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
}

function number(raw: string | undefined, flag: string, what: string, integer: boolean): number | undefined {
  if (raw === undefined) return undefined;
  const ok = integer ? /^-?\d+$/.test(raw) : /^-?\d+([.,]\d+)?$/.test(raw);
  if (!ok) throw new UsageError(`whatif.${flag}.invalid: --${flag}: expected ${what}, found "${raw}"`);
  return Number(raw.replace(',', '.'));
}

function yesNo(raw: string | undefined, flag: string): boolean | undefined {
  if (raw === undefined) return undefined;
  if (raw === 'ja' || raw === 'nee') return raw === 'ja';
  throw new UsageError(`whatif.${flag}.invalid: --${flag}: expected ja or nee, found "${raw}"`);
}

/**
 * `voorraad measures --type <type> --bouwjaar <year> --oppervlakte <m2> [--label X] [--eigendom <category>]
 * [--date YYYY-MM-DD] [--format table|json]`: the what-if for one dwelling, in-process (pure engine).
 */
export async function measuresCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      type: { type: 'string' },
      bouwjaar: { type: 'string' },
      oppervlakte: { type: 'string' },
      label: { type: 'string' },
      eigendom: { type: 'string' },
      date: { type: 'string' },
      format: { type: 'string', default: 'table' },
      verdieping: { type: 'string' },
      bouwlagen: { type: 'string' },
      dakvorm: { type: 'string' },
      gevel: { type: 'string' },
      vve: { type: 'string' },
      projectmatig: { type: 'string' },
      'laag-inkomen': { type: 'string' },
      kalender: { type: 'string' },
      spouwmuur: { type: 'string' },
      dak: { type: 'string' },
      vloer: { type: 'string' },
      glas: { type: 'string' },
    },
    strict: true,
  });
  const format = values.format as (typeof FORMATS)[number];
  if (!FORMATS.includes(format))
    throw new UsageError(`--format: expected one of ${FORMATS.join(', ')}, found "${values.format}"`);
  const elements = Object.fromEntries(
    (
      [
        ['cavityWall', values.spouwmuur],
        ['roof', values.dak],
        ['floor', values.vloer],
        ['glazing', values.glas],
      ] as const
    ).filter(([, v]) => v !== undefined),
  );
  for (const [k, v] of Object.entries(elements)) {
    if (!(ELEMENT_LEVELS as readonly string[]).includes(v!))
      throw new UsageError(`whatif.elements.${k}.unknown: expected one of ${ELEMENT_LEVELS.join(', ')}, found "${v}"`);
  }
  const input = {
    type: values.type,
    bouwjaar: number(values.bouwjaar, 'bouwjaar', 'an integer year', true),
    oppervlakte: number(values.oppervlakte, 'oppervlakte', 'a floor area in m²', false),
    date: values.date ?? todayInNl(),
    label: values.label,
    eigendom: values.eigendom,
    floorLevel: number(values.verdieping, 'verdieping', 'an integer storey (0 = begane grond)', true),
    storeys: number(values.bouwlagen, 'bouwlagen', 'an integer number of storeys', true),
    roofShape: values.dakvorm,
    facadeAzimuthDeg: number(values.gevel, 'gevel', 'degrees from north (0–359)', false),
    inVve: yesNo(values.vve, 'vve'),
    blockWise: yesNo(values.projectmatig, 'projectmatig'),
    lowIncomeShare: number(values['laag-inkomen'], 'laag-inkomen', 'a share from 0 to 1', false),
    calendar: values.kalender,
    ...(Object.keys(elements).length ? { elements } : {}),
  };
  const clean = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  const r = whatIf(clean);
  if (!r.ok) throw new UsageError(r.issues.map((i) => `${i.code}: ${flagName(i.path)}(${i.message})`).join('\n'));
  for (const w of r.warnings) process.stderr.write(`let op: ${w.message}\n`);
  if (format === 'json') process.stdout.write(`${JSON.stringify({ ...r.value, warnings: r.warnings }, null, 2)}\n`);
  else
    process.stdout.write(
      `${whatIfReportNl(r.value, { type: String(clean.type), bouwjaar: Number(clean.bouwjaar), oppervlakte: Number(clean.oppervlakte) })}\n`,
    );
  return 0;
}

const FLAGS: Record<string, string> = {
  type: 'type',
  bouwjaar: 'bouwjaar',
  oppervlakte: 'oppervlakte',
  date: 'date',
  label: 'label',
  eigendom: 'eigendom',
  floorLevel: 'verdieping',
  storeys: 'bouwlagen',
  roofShape: 'dakvorm',
  facadeAzimuthDeg: 'gevel',
  inVve: 'vve',
  blockWise: 'projectmatig',
  lowIncomeShare: 'laag-inkomen',
  calendar: 'kalender',
};

/** "--bouwjaar (bouwjaar): " so the message names the flag the user typed. */
function flagName(path: (string | number)[] | undefined): string {
  const field = String(path?.[0] ?? '');
  return FLAGS[field] ? `--${FLAGS[field]} ` : '';
}
