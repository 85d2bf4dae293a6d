import { parseArgs } from 'node:util';
import { dayNumber } from '../engine/retrofit/iso-day.ts';
import { listRules, type RulesInForce } from '../engine/rules/rules-listing.ts';
import { loadRulesDirOrThrow, SHIPPED_RULES_DIR } from '../geodata/rules/load-rules.ts';
import { todayInNl } from '../server/today.ts';
import { UsageError } from './usage-error.ts';

export const RULES_USAGE =
  'voorraad rules [--date YYYY-MM-DD] [--format table|json] [--rules DIR]   policy rules in force with their sources';

const FORMATS = ['table', 'json'] as const;

/** One block per rule: title, value, validity, source and retrieval date; assumptions marked. */
export function rulesAsTable(l: RulesInForce): string {
  const out = [`Regels op ${l.date} (${l.rules.length})`, ''];
  for (const r of l.rules) {
    const where = r.source.url ?? r.source.document ?? '';
    out.push(
      `${r.id}  ${r.title}`,
      `  waarde:  ${r.valueText}${r.assumption ? '  (aanname, niet uit de bron)' : ''}`,
      `  geldig:  ${r.validFrom} t/m ${r.validTo ?? 'nader bericht'}   versie ${r.version}   bestand ${r.file}`,
      `  bron:    ${r.source.title} — ${where} (geraadpleegd ${r.retrieved})`,
      ...(r.note ? [`  noot:    ${r.note}`] : []),
      '',
    );
  }
  return out.join('\n');
}

/**
 * `voorraad rules [--date D] [--format table|json] [--rules DIR]`: the rules in force on a date (today in the
 * Netherlands by default), read and validated from the rules directory (config/rules by default).
 */
export async function rulesCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      date: { type: 'string' },
      format: { type: 'string', default: 'table' },
      rules: { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  const format = values.format as (typeof FORMATS)[number];
  if (!FORMATS.includes(format))
    throw new UsageError(
      `rules.format.invalid: --format: expected one of ${FORMATS.join(', ')}, found "${values.format}"`,
    );
  const date = values.date ?? todayInNl();
  if (dayNumber(date) === null)
    throw new UsageError(`rules.date.invalid: --date: expected a calendar date YYYY-MM-DD, found "${date}"`);
  const listing = listRules(loadRulesDirOrThrow(values.rules ?? SHIPPED_RULES_DIR), date);
  process.stdout.write(format === 'json' ? `${JSON.stringify(listing, null, 2)}\n` : `${rulesAsTable(listing)}\n`);
  return 0;
}
