import type { Dataset } from '../../engine/dataset.ts';
import { buurtStock } from '../../engine/stock-status.ts';
import type { AttributeSource, ImportKind, ImportLogEntry } from '../../engine/registers.ts';
import { DATASET_NAME, SYNTHETIC_ATTRIBUTION } from '../synthetic/generate.ts';

/**
 * Merging imported records into a dataset so that a re-import changes nothing: records are replaced in
 * place by key and new ones appended in the order given (importers sort them), never reordered.
 */
export function upsertByKey<T>(list: readonly T[], items: readonly T[], key: (t: T) => string): T[] {
  const out = [...list];
  const at = new Map(out.map((t, i) => [key(t), i]));
  for (const item of items) {
    const i = at.get(key(item));
    if (i === undefined) {
      at.set(key(item), out.length);
      out.push(item);
    } else out[i] = item;
  }
  return out;
}

/**
 * Origin per attribute. A registered value is never overwritten by an estimate: `set` with 'imputed'
 * is ignored where a register already gave the attribute, and returns false so the caller keeps the value too.
 */
export class SourceBook {
  private readonly entries: Map<string, AttributeSource>;

  constructor(list: readonly AttributeSource[] = []) {
    this.entries = new Map(list.map((e) => [`${e.subject}|${e.attribute}`, e]));
  }

  get(subject: string, attribute: AttributeSource['attribute']): AttributeSource | undefined {
    return this.entries.get(`${subject}|${attribute}`);
  }

  set(entry: AttributeSource): boolean {
    const k = `${entry.subject}|${entry.attribute}`;
    const old = this.entries.get(k);
    if (old?.provenance === 'registered' && entry.provenance === 'imputed') return false;
    this.entries.set(k, entry);
    return true;
  }

  /** Drops the entries of records that left the dataset. */
  retain(subjects: ReadonlySet<string>): void {
    for (const [k, e] of this.entries) if (!subjects.has(e.subject)) this.entries.delete(k);
  }

  list(): AttributeSource[] {
    return [...this.entries.values()];
  }
}

/** Attribution shown with the map and exports for each register (signals are restricted and never credited publicly). */
export const SOURCE_ATTRIBUTION: Record<ImportKind, string | null> = {
  bag: 'Woningen en panden: BAG (Kadaster, via PDOK), CC0',
  eponline: 'Energielabels: RVO EP-Online (open data)',
  cbs: 'Buurtgrenzen en -cijfers: CBS Wijk- en Buurtkaart, CC-BY 4.0',
  portfolio: 'Corporatiebezit: portefeuille van de corporatie',
  vve: 'VvE-gegevens: VvE-register',
  species: 'Soortwaarnemingen: aangeleverde waarnemingen',
  signals: null,
  'cbs-energie': 'Gemeten gasverbruik: CBS Energieverbruik particuliere woningen, CC-BY 4.0',
  'cbs-energiearmoede': 'Energiearmoede: CBS/TNO Monitor Energiearmoede, CC-BY 4.0',
  osm: 'Straten en gebouwen: © OpenStreetMap-bijdragers, ODbL 1.0',
  'bag-panden': 'Panden: BAG (Kadaster, via PDOK), CC0',
};
const HESTIA_ATTRIBUTION = SYNTHETIC_ATTRIBUTION[1]!;
const SYNTHETIC_NOTE = SYNTHETIC_ATTRIBUTION[2]!;
/** Name a formerly synthetic dataset gets once no synthetic record remains. */
export const REGISTERED_DATASET_NAME = 'Voorraad Kalsdonk & Westrand';

export const hasSyntheticRecords = (ds: Dataset): boolean =>
  ds.dwellings.some((d) => d.provenance === 'synthetic') ||
  ds.buildings.some((b) => b.provenance === 'synthetic') ||
  ds.vves.some((v) => v.provenance === 'synthetic');

/**
 * Updates meta after an import. `synthetic` stays true while any synthetic dwelling, building or VvE remains
 * (the UI banner must keep warning); once none remains, seed and generator are cleared, the synthetic note
 * leaves the attribution and the generator's dataset name is replaced. The data date is the latest seen.
 */
export function updateMeta(ds: Dataset, kind: ImportKind, dataDate: string): void {
  const m = ds.meta;
  const attribution = [...m.attribution];
  const add = (s: string | null) => {
    if (s !== null && !attribution.includes(s)) attribution.push(s);
  };
  add(SOURCE_ATTRIBUTION[kind]);
  if (kind === 'bag') add(HESTIA_ATTRIBUTION);
  const synthetic = hasSyntheticRecords(ds);
  ds.meta = {
    ...m,
    synthetic,
    seed: synthetic ? m.seed : null,
    generator: synthetic ? m.generator : null,
    name: !synthetic && m.name === DATASET_NAME ? REGISTERED_DATASET_NAME : m.name,
    dataDate: dataDate > m.dataDate ? dataDate : m.dataDate,
    attribution: synthetic ? attribution : attribution.filter((a) => a !== SYNTHETIC_NOTE),
    // Buurten listed before stay listed (a buurt of `dataset new` may still be empty); others once they have stock.
    buurtStock: buurtStock(ds).filter(
      (b) => b.status !== 'leeg' || (m.buurtStock ?? []).some((x) => x.buurtcode === b.buurtcode),
    ),
  };
}

/** Logs the import; the same file (kind + hash) replaces its earlier entry in place. */
export function recordImport(ds: Dataset, entry: ImportLogEntry): void {
  ds.imports = upsertByKey(ds.imports ?? [], [entry], (e) => `${e.kind}|${e.sha256}`);
}

/** Recomputes each VvE's panden from its members' dwellings, as readDataset derives them. */
export function refreshVvePandIds(ds: Dataset): void {
  const pandOf = new Map(ds.dwellings.map((d) => [d.vboId, d.pandId]));
  ds.vves = ds.vves.map((v) => {
    const pandIds = [...new Set(v.members.flatMap((m) => (pandOf.has(m.vboId) ? [pandOf.get(m.vboId)!] : [])))].sort();
    return pandIds.length > 0 ? { ...v, pandIds } : v;
  });
}
