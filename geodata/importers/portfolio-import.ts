import { ENERGY_LABELS, type Dwelling, type EnergyLabel } from '../../engine/dwelling.ts';
import { PortfolioEntry } from '../../engine/registers.ts';
import { SourceBook, upsertByKey } from './dataset-merge.ts';
import { DwellingMatcher } from './dwelling-matcher.ts';
import { replaceDwellings, roofShapeLookup, withRegisteredLabel } from './dwelling-update.ts';
import { parseDecimal, parseInteger, parseText } from './field-values.ts';
import { fileDate, type Importer } from './import-context.ts';
import { DWELLING_KEY_COLUMNS, DWELLING_KEY_REQUIREMENT, matchRow } from './register-row.ts';
import { openTable, type TableSpec } from './table-source.ts';

/**
 * A corporation's dwelling list (CSV or XLSX, first sheet). Column names as corporations export them; the
 * first listed alias is the documented name.
 */
export const PORTFOLIO_SPEC: TableSpec = {
  columns: [
    { key: 'vhe', aliases: ['vhe_nummer', 'vhe', 'vhenummer', 'vhe_nr', 'eenheidnummer', 'verhuureenheid'] },
    ...DWELLING_KEY_COLUMNS,
    { key: 'corporation', aliases: ['corporatie', 'eigenaar', 'woningcorporatie'] },
    { key: 'complex', aliases: ['complex', 'complexcode', 'complex_code', 'complexnummer', 'complex_nr'] },
    { key: 'rent', aliases: ['huur', 'kale_huur', 'netto_huur', 'huurprijs', 'rent'] },
    { key: 'label', aliases: ['energielabel', 'label', 'energieklasse'] },
    /** Storey of the dwelling's entrance (0 = begane grond): a registered position in the building. */
    { key: 'floor', aliases: ['verdieping', 'woonlaag', 'bouwlaag', 'etage', 'floor_level'] },
    {
      key: 'maintenance',
      aliases: [
        'planjaar_onderhoud',
        'gepland_onderhoud',
        'onderhoudsjaar',
        'jaar_planmatig_onderhoud',
        'planned_maintenance_year',
      ],
    },
  ],
  required: ['vhe'],
  anyOf: [DWELLING_KEY_REQUIREMENT],
};

/**
 * `voorraad import portfolio`: each VHE joined to a registered dwelling, which then is corporation-owned
 * (registered ownership). A label in the list replaces only an imputed label, and carries no registration date so
 * that EP-Online stays the authority.
 */
export const importPortfolio: Importer = async (ctx) => {
  const ds = ctx.dataset;
  const dataDate = ctx.dataDate ?? fileDate(ctx.file);
  const table = openTable(ctx.file, PORTFOLIO_SPEC);
  const matcher = new DwellingMatcher(ds.dwellings);
  const entries: PortfolioEntry[] = [];
  const seenVhe = new Map<string, string>();
  const seenVbo = new Map<string, string>();
  /** Registered floor per dwelling, from the `verdieping` column. */
  const floors = new Map<string, number>();
  for await (const { row, values, problem } of table.rows) {
    ctx.tally.read();
    const reject = (field: string, reason: string, message: string) =>
      ctx.tally.reject({ row, field, reason, message });
    if (problem) {
      reject(problem.field, problem.reason, problem.message);
      continue;
    }
    const vhe = parseText(values.vhe);
    if (vhe === null) {
      reject('vhe_nummer', 'invalid.vhe_nummer', 'expected a VHE number, found an empty cell');
      continue;
    }
    if (seenVhe.has(vhe)) {
      reject('vhe_nummer', 'duplicate.vhe_nummer', `VHE ${vhe} already on row ${seenVhe.get(vhe)}`);
      continue;
    }
    const rent = parseDecimal(values.rent);
    const year = parseInteger(values.maintenance);
    const labelText = parseText(values.label)?.toUpperCase() ?? null;
    const parsed = PortfolioEntry.safeParse({
      vheNumber: vhe,
      vboId: '0000000000000000',
      corporation: parseText(values.corporation),
      complexCode: parseText(values.complex),
      rentEur: rent,
      label: labelText,
      plannedMaintenanceYear: year,
      dataDate,
    });
    if (rent === undefined || (!parsed.success && parsed.error.issues[0]!.path[0] === 'rentEur')) {
      reject('huur', 'invalid.huur', `expected a monthly rent in euro (e.g. 612,50), found "${values.rent}"`);
      continue;
    }
    if (year === undefined || (!parsed.success && parsed.error.issues[0]!.path[0] === 'plannedMaintenanceYear')) {
      reject(
        'planjaar_onderhoud',
        'invalid.planjaar_onderhoud',
        `expected a year 1950–2100, found "${values.maintenance}"`,
      );
      continue;
    }
    const floor = parseInteger(values.floor);
    if (floor === undefined || (floor !== null && (floor < 0 || floor > 60))) {
      reject('verdieping', 'invalid.verdieping', `expected a storey 0–60 (0 = begane grond), found "${values.floor}"`);
      continue;
    }
    if (labelText !== null && !ENERGY_LABELS.includes(labelText as EnergyLabel)) {
      reject(
        'energielabel',
        'invalid.energielabel',
        `expected one of ${ENERGY_LABELS.join(' ')}, found "${values.label}"`,
      );
      continue;
    }
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      reject(String(issue.path[0]), `invalid.${String(issue.path[0])}`, issue.message);
      continue;
    }
    const match = matchRow(matcher, values);
    if (!match.ok) {
      reject(match.field, match.reason, match.message);
      continue;
    }
    const vboId = match.dwelling.vboId;
    if (seenVbo.has(vboId)) {
      reject('bag_vbo_id', 'duplicate.dwelling', `dwelling ${vboId} already listed as VHE ${seenVbo.get(vboId)}`);
      continue;
    }
    seenVhe.set(vhe, row);
    seenVbo.set(vboId, vhe);
    entries.push({ ...parsed.data, vboId });
    if (floor !== null) floors.set(vboId, floor);
    ctx.tally.accept();
  }
  const book = new SourceBook(ds.attributeSources);
  const roofOf = roofShapeLookup(ds);
  const byId = new Map(ds.dwellings.map((d) => [d.vboId, d]));
  const changed = new Map<string, Dwelling>();
  for (const e of entries) {
    let d: Dwelling = { ...byId.get(e.vboId)!, ownership: 'corporatie' };
    book.set({ subject: e.vboId, attribute: 'ownership', provenance: 'registered', source: 'portefeuille', dataDate });
    // Without a registration date, so any EP-Online registration later overrides it.
    if (e.label !== null && d.energyLabel.source === 'imputed') d = withRegisteredLabel(d, e.label, null, roofOf(d));
    const floor = floors.get(e.vboId);
    if (floor !== undefined) {
      d = { ...d, floorLevel: floor };
      book.set({
        subject: e.vboId,
        attribute: 'floorLevel',
        provenance: 'registered',
        source: 'portefeuille',
        dataDate,
      });
    }
    changed.set(e.vboId, d);
  }
  replaceDwellings(ds, changed);
  if (entries.length > 0) {
    ds.attributeSources = book.list();
    ds.portfolio = upsertByKey(
      ds.portfolio ?? [],
      entries.sort((a, b) => a.vheNumber.localeCompare(b.vheNumber)),
      (e) => e.vheNumber,
    );
  }
  return { dataDate };
};
