import { ENERGY_LABELS, type Dwelling, type DwellingType, type EnergyLabel } from '../../engine/dwelling.ts';
import { SourceBook } from './dataset-merge.ts';
import { DwellingMatcher } from './dwelling-matcher.ts';
import { replaceDwellings, roofShapeLookup, withRegisteredLabel } from './dwelling-update.ts';
import { typeFromEpOnline } from './eponline-type.ts';
import { parseDate } from './field-values.ts';
import { fileDate, type Importer } from './import-context.ts';
import { imputeWozBand, WOZ_RULE_ID } from './impute.ts';
import { matchRow } from './register-row.ts';
import { openTable, type TableSpec } from './table-source.ts';

/** RVO EP-Online open data (v2 CSV): ';'-separated, two metadata lines, then the header (docs/domain.md §7). */
export const EPONLINE_SPEC: TableSpec = {
  delimiter: ';',
  preambleLines: 2,
  headerHint: 'Pand_',
  columns: [
    { key: 'vboId', aliases: ['Pand_bagverblijfsobjectid'] },
    { key: 'label', aliases: ['Pand_energieklasse'] },
    { key: 'registratiedatum', aliases: ['Pand_registratiedatum'] },
    { key: 'opnamedatum', aliases: ['Pand_opnamedatum'] },
    { key: 'gebouwklasse', aliases: ['Pand_gebouwklasse'] },
    { key: 'gebouwtype', aliases: ['Pand_gebouwtype'] },
    { key: 'gebouwsubtype', aliases: ['Pand_gebouwsubtype'] },
    { key: 'pandId', aliases: ['Pand_bagpandid'] },
    { key: 'postcode', aliases: ['Pand_postcode'] },
    { key: 'huisnummer', aliases: ['Pand_huisnummer'] },
    { key: 'huisletter', aliases: ['Pand_huisletter'] },
    { key: 'toevoeging', aliases: ['Pand_huisnummertoevoeging', 'Pand_huisnummer_toev'] },
  ],
  required: ['vboId', 'label', 'registratiedatum', 'opnamedatum', 'gebouwklasse', 'gebouwtype', 'pandId'],
};

interface Candidate {
  row: string;
  vboId: string;
  label: EnergyLabel;
  registered: string;
  recorded: string;
  type: DwellingType | null;
}

/** Later registration wins; on the same day the later survey (opname); then the later row. */
const newer = (a: Candidate, b: Candidate) =>
  a.registered > b.registered || (a.registered === b.registered && a.recorded >= b.recorded);

/**
 * `voorraad import eponline`: the latest registered label per dwelling, joined on BAG id (else address), for
 * registered dwellings only. Older registrations in the file are rejected as 'superseded'; a label older than
 * the one already in the dataset as 'older-than-dataset'.
 */
export const importEpOnline: Importer = async (ctx) => {
  const ds = ctx.dataset;
  const table = openTable(ctx.file, EPONLINE_SPEC);
  const matcher = new DwellingMatcher(ds.dwellings);
  const best = new Map<string, Candidate>();
  let latest = '';
  for await (const { row, values, problem } of table.rows) {
    ctx.tally.read();
    const reject = (field: string, reason: string, message: string) =>
      ctx.tally.reject({ row, field, reason, message });
    if (problem) {
      reject(problem.field, problem.reason, problem.message);
      continue;
    }
    if ((values.gebouwklasse ?? '').trim().toUpperCase() !== 'W') {
      reject(
        'Pand_gebouwklasse',
        'scope.not-a-dwelling',
        `expected W (woningbouw), found "${values.gebouwklasse ?? ''}"`,
      );
      continue;
    }
    const label = (values.label ?? '').trim().toUpperCase() as EnergyLabel;
    if (!ENERGY_LABELS.includes(label)) {
      reject(
        'Pand_energieklasse',
        'invalid.Pand_energieklasse',
        `expected one of ${ENERGY_LABELS.join(' ')}, found "${values.label ?? ''}"`,
      );
      continue;
    }
    const registered = parseDate(values.registratiedatum);
    if (!registered) {
      reject(
        'Pand_registratiedatum',
        'invalid.Pand_registratiedatum',
        `expected a date YYYYMMDD, found "${values.registratiedatum ?? ''}"`,
      );
      continue;
    }
    const recorded = parseDate(values.opnamedatum);
    if (recorded === undefined) {
      reject('Pand_opnamedatum', 'invalid.Pand_opnamedatum', `expected a date YYYYMMDD, found "${values.opnamedatum}"`);
      continue;
    }
    const match = matchRow(matcher, values);
    if (!match.ok) {
      reject(
        match.field === 'bag_vbo_id' ? 'Pand_bagverblijfsobjectid' : `Pand_${match.field}`,
        match.reason,
        match.message,
      );
      continue;
    }
    const c: Candidate = {
      row,
      vboId: match.dwelling.vboId,
      label,
      registered,
      recorded: recorded ?? '',
      type: typeFromEpOnline(values.gebouwtype, values.gebouwsubtype),
    };
    if (registered > latest) latest = registered;
    const old = best.get(c.vboId);
    if (old === undefined) best.set(c.vboId, c);
    else {
      const [win, lose] = newer(c, old) ? [c, old] : [old, c];
      best.set(c.vboId, win);
      ctx.tally.reject({
        row: lose.row,
        field: 'Pand_registratiedatum',
        reason: 'superseded',
        message: `registration of ${lose.registered} superseded by ${win.registered} (row ${win.row})`,
      });
    }
  }
  const dataDate = ctx.dataDate ?? preambleDate(table.preamble) ?? (latest || fileDate(ctx.file));
  const book = new SourceBook(ds.attributeSources);
  const roofOf = roofShapeLookup(ds);
  const byId = new Map(ds.dwellings.map((d) => [d.vboId, d]));
  const changed = new Map<string, Dwelling>();
  for (const c of [...best.values()].sort((a, b) => a.vboId.localeCompare(b.vboId))) {
    const d = byId.get(c.vboId)!;
    if (d.energyLabel.source === 'registered' && d.energyLabel.date !== null && d.energyLabel.date > c.registered) {
      ctx.tally.reject({
        row: c.row,
        field: 'Pand_registratiedatum',
        reason: 'older-than-dataset',
        message: `the dataset has a label registered ${d.energyLabel.date}, later than ${c.registered}`,
      });
      continue;
    }
    let next = d;
    if (
      c.type !== null &&
      book.set({
        subject: d.vboId,
        attribute: 'type',
        provenance: 'registered',
        source: 'EP-Online',
        dataDate: c.registered,
      })
    ) {
      next = { ...next, type: c.type };
      if (book.get(d.vboId, 'wozBand')?.provenance !== 'registered') {
        next.wozBand = imputeWozBand(c.type, next.oppervlakte, next.bouwjaar);
        book.set({ subject: d.vboId, attribute: 'wozBand', provenance: 'imputed', source: WOZ_RULE_ID, dataDate });
      }
    }
    changed.set(d.vboId, withRegisteredLabel(next, c.label, c.registered, roofOf(next)));
    ctx.tally.accept();
  }
  replaceDwellings(ds, changed);
  if (changed.size > 0) ds.attributeSources = book.list();
  return { dataDate };
};

/** The publication date in EP-Online's metadata lines (e.g. "PublicatieDatum;01-09-2025"), if any. */
function preambleDate(lines: readonly string[]): string | null {
  for (const line of lines) {
    for (const token of line.split(/[;,\s]+/)) {
      const d = parseDate(token.replace(/^"|"$/g, ''));
      if (d) return d;
    }
  }
  return null;
}
