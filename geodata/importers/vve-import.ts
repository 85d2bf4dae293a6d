import { Vve, type Dwelling } from '../../engine/dwelling.ts';
import { SourceBook, upsertByKey } from './dataset-merge.ts';
import { DwellingMatcher } from './dwelling-matcher.ts';
import { replaceDwellings } from './dwelling-update.ts';
import { parseDate, parseDecimal, parseInteger, parseText } from './field-values.ts';
import { fileDate, type Importer } from './import-context.ts';
import { parseMajority } from './majority-rule.ts';
import { DWELLING_KEY_COLUMNS, DWELLING_KEY_REQUIREMENT, matchRow } from './register-row.ts';
import { normaliseName, openTable, type TableSpec } from './table-source.ts';

/** A VvE register, one row per member dwelling (CSV or XLSX); VvE-level cells repeat on every member row. */
export const VVE_SPEC: TableSpec = {
  columns: [
    { key: 'kvk', aliases: ['kvk_nummer', 'kvk', 'kvknummer', 'kvk_number'] },
    { key: 'name', aliases: ['naam_vve', 'vve_naam', 'naam', 'vve'] },
    ...DWELLING_KEY_COLUMNS,
    { key: 'votes', aliases: ['stemmen', 'breukdeel', 'breukdelen', 'aantal_stemmen', 'votes'] },
    { key: 'mjop', aliases: ['mjop_jaar', 'mjop', 'jaar_mjop'] },
    { key: 'reserve', aliases: ['reservefonds', 'reservefonds_eur', 'reserve_fund'] },
    { key: 'alv', aliases: ['datum_laatste_alv', 'laatste_alv', 'laatste_ledenvergadering'] },
    { key: 'majority', aliases: ['meerderheid', 'besluitmeerderheid', 'majority'] },
  ],
  anyOf: [[['kvk'], ['name']], DWELLING_KEY_REQUIREMENT],
};

interface VveDraft {
  vve: Omit<Vve, 'members' | 'pandIds' | 'name'> & { name: string | null };
  members: { vboId: string; votes: number; row: string }[];
}

/**
 * `voorraad import vve`: VvE's with their member dwellings and votes. The register is the authority for the
 * VvE's it lists: their membership is replaced, and a dwelling that moves leaves its old VvE (which is dropped
 * when it has no members left).
 */
export const importVve: Importer = async (ctx) => {
  const ds = ctx.dataset;
  const dataDate = ctx.dataDate ?? fileDate(ctx.file);
  const table = openTable(ctx.file, VVE_SPEC);
  const matcher = new DwellingMatcher(ds.dwellings);
  const drafts = new Map<string, VveDraft>();
  const memberOf = new Map<string, string>();
  for await (const { row, values, problem } of table.rows) {
    ctx.tally.read();
    const reject = (field: string, reason: string, message: string) =>
      ctx.tally.reject({ row, field, reason, message });
    if (problem) {
      reject(problem.field, problem.reason, problem.message);
      continue;
    }
    const kvkRaw = parseText(values.kvk);
    const kvk = kvkRaw === null ? null : kvkRaw.replace(/\s/g, '').padStart(8, '0');
    if (kvk !== null && !/^\d{8}$/.test(kvk)) {
      reject('kvk_nummer', 'invalid.kvk_nummer', `expected an 8-digit KvK number, found "${kvkRaw}"`);
      continue;
    }
    const name = parseText(values.name);
    if (kvk === null && name === null) {
      reject('kvk_nummer', 'invalid.vve', 'expected a KvK number or a VvE name, found neither');
      continue;
    }
    const votes = parseDecimal(values.votes);
    const mjop = parseInteger(values.mjop);
    const reserve = parseDecimal(values.reserve);
    const alv = parseDate(values.alv);
    const majority = parseMajority(values.majority);
    const bad = [
      [
        votes === undefined || (votes !== null && votes <= 0),
        'stemmen',
        'a positive number of votes (breukdeel)',
        values.votes,
      ],
      [mjop === undefined, 'mjop_jaar', 'a year', values.mjop],
      [reserve === undefined, 'reservefonds', 'an amount in euro', values.reserve],
      [alv === undefined, 'datum_laatste_alv', 'a date (YYYY-MM-DD or DD-MM-YYYY)', values.alv],
      [majority === undefined, 'meerderheid', 'a majority such as 2/3, 50% or "gewone meerderheid"', values.majority],
    ].find(([isBad]) => isBad);
    if (bad) {
      reject(String(bad[1]), `invalid.${String(bad[1])}`, `expected ${String(bad[2])}, found "${String(bad[3])}"`);
      continue;
    }
    const match = matchRow(matcher, values);
    if (!match.ok) {
      reject(match.field, match.reason, match.message);
      continue;
    }
    const vveId = kvk !== null ? `VVE-KVK-${kvk}` : `VVE-${normaliseName(name!).toUpperCase().slice(0, 40)}`;
    const fields = {
      kvkNumber: kvk,
      name,
      mjopYear: mjop ?? null,
      reserveFundEur: reserve ?? null,
      lastAlvDate: alv ?? null,
      majorityRule: majority ?? null,
    };
    const draft = drafts.get(vveId);
    if (draft) {
      const conflict = (Object.keys(fields) as (keyof typeof fields)[]).find(
        (k) => fields[k] !== null && draft.vve[k] !== null && fields[k] !== draft.vve[k],
      );
      if (conflict) {
        reject(
          conflict,
          `conflict.${conflict}`,
          `VvE ${vveId} has ${JSON.stringify(draft.vve[conflict])} on an earlier row, this row says ${JSON.stringify(fields[conflict])}`,
        );
        continue;
      }
      for (const k of Object.keys(fields) as (keyof typeof fields)[])
        if (draft.vve[k] === null && fields[k] !== null) (draft.vve as Record<string, unknown>)[k] = fields[k];
    }
    const vboId = match.dwelling.vboId;
    if (memberOf.has(vboId)) {
      reject('bag_vbo_id', 'duplicate.member', `dwelling ${vboId} is already a member of ${memberOf.get(vboId)}`);
      continue;
    }
    const target = draft ?? { vve: { vveId, ...fields, provenance: 'registered' as const }, members: [] };
    if (!draft) drafts.set(vveId, target);
    target.members.push({ vboId, votes: votes ?? 1, row });
    memberOf.set(vboId, vveId);
  }
  const vves: Vve[] = [];
  const pandOf = new Map(ds.dwellings.map((d) => [d.vboId, d.pandId]));
  for (const d of [...drafts.values()].sort((a, b) => a.vve.vveId.localeCompare(b.vve.vveId))) {
    const members = d.members.sort((a, b) => a.vboId.localeCompare(b.vboId));
    const pandIds = [...new Set(members.map((m) => pandOf.get(m.vboId)!))].sort();
    const parsed = Vve.safeParse({
      ...d.vve,
      name: d.vve.name ?? `VvE ${d.vve.kvkNumber}`,
      pandIds,
      members: members.map(({ vboId, votes }) => ({ vboId, votes })),
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      for (const m of members)
        ctx.tally.reject({
          row: m.row,
          field: String(issue.path[0]),
          reason: `invalid.${String(issue.path[0])}`,
          message: `VvE ${d.vve.vveId}: ${issue.message}`,
        });
      continue;
    }
    vves.push(parsed.data);
    ctx.tally.accept(members.length);
  }
  applyVves(ds, vves, dataDate);
  return { dataDate };
};

function applyVves(ds: Parameters<Importer>[0]['dataset'], vves: Vve[], dataDate: string): void {
  if (vves.length === 0) return;
  const newVveOf = new Map(vves.flatMap((v) => v.members.map((m) => [m.vboId, v.vveId] as const)));
  const listed = new Set(vves.map((v) => v.vveId));
  // Members that moved leave their old VvE; a VvE listed again is replaced as a whole.
  const others = ds.vves
    .map((v) => (listed.has(v.vveId) ? v : { ...v, members: v.members.filter((m) => !newVveOf.has(m.vboId)) }))
    .filter((v) => listed.has(v.vveId) || v.members.length > 0);
  ds.vves = upsertByKey(others, vves, (v) => v.vveId);
  const book = new SourceBook(ds.attributeSources);
  const existing = new Set(ds.vves.map((v) => v.vveId));
  const changed = new Map<string, Dwelling>();
  for (const d of ds.dwellings) {
    const next = newVveOf.get(d.vboId) ?? (d.vveId !== null && listed.has(d.vveId) ? null : d.vveId);
    const stillExists = next === null || existing.has(next);
    const vveId = stillExists ? next : null;
    if (newVveOf.has(d.vboId))
      book.set({ subject: d.vboId, attribute: 'vveId', provenance: 'registered', source: 'VvE-register', dataDate });
    if (vveId !== d.vveId) changed.set(d.vboId, { ...d, vveId });
  }
  replaceDwellings(ds, changed);
  ds.attributeSources = book.list();
}
