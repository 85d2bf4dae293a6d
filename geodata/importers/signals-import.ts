import { Signal } from '../../engine/registers.ts';
import { upsertByKey } from './dataset-merge.ts';
import { DwellingMatcher } from './dwelling-matcher.ts';
import { parseBoolean, parseInteger } from './field-values.ts';
import { fileDate, type Importer } from './import-context.ts';
import { DWELLING_KEY_COLUMNS, DWELLING_KEY_REQUIREMENT, matchRow } from './register-row.ts';
import { monthsIn, parsePeriod } from './signal-period.ts';
import { openTable, type TableSpec } from './table-source.ts';

/**
 * Municipal signals per address and period (CSV/XLSX). Counts only: a file with names, BSN, contact details or
 * free-text columns is refused as a whole (docs/domain.md §6: never BSN, names, contacts, criminal or health data).
 */
export const SIGNALS_SPEC: TableSpec = {
  columns: [
    ...DWELLING_KEY_COLUMNS,
    { key: 'period', aliases: ['periode', 'period', 'jaar', 'maand', 'kwartaal'] },
    { key: 'start', aliases: ['periode_start', 'van', 'begindatum', 'start'] },
    { key: 'end', aliases: ['periode_eind', 'tot', 'tot_en_met', 'einddatum', 'eind'] },
    { key: 'nuisance', aliases: ['meldingen_overlast', 'overlastmeldingen', 'overlast', 'nuisance_reports'] },
    { key: 'vacancy', aliases: ['leegstand_maanden', 'maanden_leegstand', 'leegstand', 'vacancy_months'] },
    {
      key: 'permit',
      aliases: [
        'kamerverhuur_vergunning',
        'kamerverhuurvergunning',
        'omzettingsvergunning',
        'kamerverhuur',
        'room_letting_permit',
      ],
    },
  ],
  anyOf: [DWELLING_KEY_REQUIREMENT, [['period'], ['start', 'end']], [['nuisance'], ['vacancy'], ['permit']]],
  forbidden: [
    'naam',
    'name',
    'voornaam',
    'achternaam',
    'voorletters',
    'bsn',
    'burgerservicenummer',
    'geboortedatum',
    'telefoon',
    'telefoonnummer',
    'email',
    'e_mail',
    'emailadres',
    'melder',
    'bewoner',
    'eigenaar_naam',
    'opmerking',
    'opmerkingen',
    'toelichting',
    'omschrijving',
  ],
};

/**
 * `voorraad import signals`: RESTRICTED municipal signals, stored only in the dataset's `signalen` table (read with
 * { restricted: true }); never in the dwellings layer, tiles or API. Re-importing replaces a dwelling's period.
 */
export const importSignals: Importer = async (ctx) => {
  const ds = ctx.dataset;
  const dataDate = ctx.dataDate ?? fileDate(ctx.file);
  const table = openTable(ctx.file, SIGNALS_SPEC);
  const matcher = new DwellingMatcher(ds.dwellings);
  const out: Signal[] = [];
  const seen = new Map<string, string>();
  for await (const { row, values, problem } of table.rows) {
    ctx.tally.read();
    const reject = (field: string, reason: string, message: string) =>
      ctx.tally.reject({ row, field, reason, message });
    if (problem) {
      reject(problem.field, problem.reason, problem.message);
      continue;
    }
    const period = parsePeriod(values.period, values.start, values.end);
    if (period === null) {
      reject(
        'periode',
        'invalid.periode',
        `expected a period (2024, 2024-03, 2024-Q2, or start ≤ end dates), found "${values.period ?? `${values.start ?? ''}–${values.end ?? ''}`}"`,
      );
      continue;
    }
    const nuisance = parseInteger(values.nuisance);
    const vacancy = parseInteger(values.vacancy);
    const permit = parseBoolean(values.permit);
    if (nuisance === undefined || (nuisance !== null && nuisance < 0)) {
      reject('meldingen_overlast', 'invalid.meldingen_overlast', `expected a count ≥ 0, found "${values.nuisance}"`);
      continue;
    }
    if (vacancy === undefined || (vacancy !== null && (vacancy < 0 || vacancy > monthsIn(period)))) {
      reject(
        'leegstand_maanden',
        'invalid.leegstand_maanden',
        `expected 0–${monthsIn(period)} months, found "${values.vacancy}"`,
      );
      continue;
    }
    if (permit === undefined) {
      reject('kamerverhuur_vergunning', 'invalid.kamerverhuur_vergunning', `expected ja/nee, found "${values.permit}"`);
      continue;
    }
    if (nuisance === null && vacancy === null && permit === null) {
      reject('(row)', 'invalid.empty', 'expected at least one signal (overlast, leegstand, kamerverhuur), found none');
      continue;
    }
    const match = matchRow(matcher, values);
    if (!match.ok) {
      reject(match.field, match.reason, match.message);
      continue;
    }
    const key = `${match.dwelling.vboId}|${period[0]}|${period[1]}`;
    if (seen.has(key)) {
      reject(
        'periode',
        'duplicate.periode',
        `dwelling ${match.dwelling.vboId} already has ${period.join('–')} on row ${seen.get(key)}`,
      );
      continue;
    }
    const parsed = Signal.safeParse({
      vboId: match.dwelling.vboId,
      periodStart: period[0],
      periodEnd: period[1],
      nuisanceReports: nuisance,
      vacancyMonths: vacancy,
      roomLettingPermit: permit,
      dataDate,
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      reject(String(issue.path[0]), `invalid.${String(issue.path[0])}`, issue.message);
      continue;
    }
    seen.set(key, row);
    out.push(parsed.data);
    ctx.tally.accept();
  }
  const key = (s: Signal) => `${s.vboId}|${s.periodStart}|${s.periodEnd}`;
  if (out.length > 0)
    ds.signals = upsertByKey(
      ds.signals ?? [],
      out.sort((a, b) => key(a).localeCompare(key(b))),
      key,
    );
  return { dataDate };
};
