import { chmodSync, existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { Building, Buurt, DatasetMeta, Dwelling, Vve } from '../engine/dwelling.ts';
import type { Dataset } from '../engine/dataset.ts';
import {
  AttributeSource,
  BasemapBuilding,
  BasemapStreet,
  BuurtStatistics,
  ImportLogEntry,
  MeasuredGasUse,
  EnergyPovertyIndicators,
  PortfolioEntry,
  Signal,
  SpeciesObservation,
} from '../engine/registers.ts';
import type { z } from 'zod';
import { IndicatorSnapshotRow } from '../engine/progress/indicator-snapshot.ts';
import { assertGeoPackage, createGeoPackage } from './gpkg/geopackage.ts';
import {
  addAttributeTable,
  addFeatureTable,
  finalizeFeatureTable,
  insertFeatures,
  type GpkgGeometryType,
} from './gpkg/feature-table.ts';
import type { Geometry } from 'geojson';
import { readFeatures } from './gpkg/read-features.ts';
import {
  ATTRIBUTE_SOURCE_TABLE,
  BASEMAP_BUILDING_TABLE,
  BASEMAP_STREET_TABLE,
  BUILDING_COLUMNS,
  BUURT_COLUMNS,
  BUURT_STATISTICS_TABLE,
  DWELLING_COLUMNS,
  IMPORT_LOG_TABLE,
  INDICATOR_SNAPSHOT_TABLE,
  MEASURED_GAS_USE_TABLE,
  ENERGY_POVERTY_TABLE,
  PORTFOLIO_TABLE,
  SIGNAL_TABLE,
  SPECIES_TABLE,
  VVE_COLUMNS,
  VVE_MEMBER_COLUMNS,
  DatasetRowError,
  buildingToRow,
  buurtToRow,
  dwellingToRow,
  flatToRow,
  rowToBuilding,
  rowToBuurt,
  rowToDwelling,
  rowToFlat,
  rowToVve,
  vveToRow,
  type FlatTable,
  type Row,
} from './dataset-rows.ts';

const WGS84 = 4326;

/** A dataset file that cannot be used; `code` lets the CLI and API branch on the cause. */
export class DatasetFileError extends Error {
  constructor(
    readonly code: 'dataset.missing' | 'dataset.corrupt' | 'dataset.invalid' | 'dataset.write-failed',
    readonly file: string,
    detail: string,
  ) {
    super(`${file}: ${detail}`);
  }
}

const columns = (cols: readonly (readonly [string, string, ...unknown[]])[]) =>
  cols.map(([name, type]) => ({ name, type: type as 'TEXT' | 'INTEGER' | 'REAL' | 'BOOLEAN' }));

/** Optional register tables (attribute tables unless noted), written only when the dataset has the register. */
const REGISTER_TABLES = [
  ['portfolio', PORTFOLIO_TABLE],
  ['buurtStatistics', BUURT_STATISTICS_TABLE],
  ['measuredGasUse', MEASURED_GAS_USE_TABLE],
  ['energyPoverty', ENERGY_POVERTY_TABLE],
  ['attributeSources', ATTRIBUTE_SOURCE_TABLE],
  ['imports', IMPORT_LOG_TABLE],
  ['indicatorSnapshots', INDICATOR_SNAPSHOT_TABLE],
  ['signals', SIGNAL_TABLE],
] as const;

/** Optional register tables with a geometry column, written only when the dataset has the register. */
interface FeatureRegister {
  key: 'species' | 'basemapStreets' | 'basemapBuildings';
  spec: FlatTable<unknown>;
  geometryType: GpkgGeometryType;
  /** The record's geometry, and the record field that holds it when read back. */
  geometry: (record: never) => Geometry;
  field: string;
}
const FEATURE_REGISTERS: readonly FeatureRegister[] = [
  {
    key: 'species',
    spec: SPECIES_TABLE as FlatTable<unknown>,
    geometryType: 'POINT',
    geometry: (o: SpeciesObservation) => ({ type: 'Point', coordinates: o.location }),
    field: 'location',
  },
  {
    key: 'basemapStreets',
    spec: BASEMAP_STREET_TABLE as FlatTable<unknown>,
    geometryType: 'LINESTRING',
    geometry: (s: BasemapStreet) => s.line,
    field: 'line',
  },
  {
    key: 'basemapBuildings',
    spec: BASEMAP_BUILDING_TABLE as FlatTable<unknown>,
    geometryType: 'POLYGON',
    geometry: (b: BasemapBuilding) => b.footprint,
    field: 'footprint',
  },
];

/** The stored geometry as the record field holds it: a point's coordinates, other geometries whole. */
const recordGeometry = (g: Geometry | null): unknown => (g?.type === 'Point' ? g.coordinates : g);

export interface ReadDatasetOptions {
  /** Also read the RESTRICTED signals table (municipality-only; only the importer and restricted tools ask for it). */
  restricted?: boolean;
}

/**
 * Writes the dataset as a GeoPackage that QGIS opens (layers buurten, panden, woningen;
 * attribute tables vves, vve_members, dataset_meta). Written to a temporary file and renamed,
 * so a crash never leaves a half-written dataset; identical input gives identical bytes.
 */
/**
 * The file mode of a rewritten dataset: the existing file's mode when there is one (an operator's `chmod 600` survives
 * every import; the temporary file used to replace it as 0644), else 0600 when the dataset holds the RESTRICTED
 * signals table, else 0644.
 */
export function datasetMode(file: string, ds: Pick<Dataset, 'signals'>): number {
  try {
    return statSync(file).mode & 0o777;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  return ds.signals !== undefined && ds.signals.length > 0 ? 0o600 : 0o644;
}

/**
 * The declared geometry type of `buurten`: what its rows are (GDAL's validator checks every row against it), so
 * POLYGON when all are polygons, MULTIPOLYGON when all are multipolygons, GEOMETRY only for a mix.
 */
export function buurtGeometryType(buurten: Dataset['buurten']): 'POLYGON' | 'MULTIPOLYGON' | 'GEOMETRY' {
  const types = new Set(buurten.map((b) => b.geometry.type));
  if (types.size === 1 && types.has('Polygon')) return 'POLYGON';
  if (types.size === 1 && types.has('MultiPolygon')) return 'MULTIPOLYGON';
  return 'GEOMETRY';
}

export function writeDataset(file: string, ds: Dataset): void {
  assertValidDataset(ds);
  const tmp = `${file}.tmp-${process.pid}`;
  let opened: Database.Database | null = null;
  try {
    removeStaleTemporaries(file);
    rmSync(tmp, { force: true });
    const db = (opened = createGeoPackage(tmp));
    const lastChange = `${ds.meta.dataDate}T00:00:00.000Z`;
    addFeatureTable(db, {
      table: 'buurten',
      geometryType: buurtGeometryType(ds.buurten),
      srsId: WGS84,
      columns: columns(BUURT_COLUMNS),
      description: 'CBS buurten',
      lastChange,
      rtree: true,
    });
    insertFeatures(
      db,
      'buurten',
      ds.buurten.map((b) => ({ geometry: b.geometry, properties: buurtToRow(b) })),
      WGS84,
    );
    finalizeFeatureTable(db, 'buurten');
    addFeatureTable(db, {
      table: 'panden',
      geometryType: 'POLYGON',
      srsId: WGS84,
      columns: columns(BUILDING_COLUMNS),
      description: 'Panden (BAG-vorm)',
      lastChange,
      rtree: true,
    });
    insertFeatures(
      db,
      'panden',
      ds.buildings.map((b) => ({ geometry: b.footprint, properties: buildingToRow(b) })),
      WGS84,
    );
    finalizeFeatureTable(db, 'panden');
    addFeatureTable(db, {
      table: 'woningen',
      geometryType: 'POINT',
      srsId: WGS84,
      columns: columns(DWELLING_COLUMNS),
      description: 'Woningen (verblijfsobjecten met woonfunctie)',
      lastChange,
      rtree: true,
    });
    insertFeatures(
      db,
      'woningen',
      ds.dwellings.map((d) => ({ geometry: { type: 'Point', coordinates: d.location }, properties: dwellingToRow(d) })),
      WGS84,
    );
    finalizeFeatureTable(db, 'woningen');
    addAttributeTable(db, {
      table: 'vves',
      columns: columns(VVE_COLUMNS),
      description: 'Verenigingen van Eigenaars',
      lastChange,
    });
    addAttributeTable(db, {
      table: 'vve_members',
      columns: columns(VVE_MEMBER_COLUMNS),
      description: 'Appartementsrechten per VvE',
      lastChange,
    });
    addAttributeTable(db, {
      table: 'dataset_meta',
      columns: [
        { name: 'key', type: 'TEXT' },
        { name: 'value', type: 'TEXT' },
      ],
      description: 'Over deze dataset',
      lastChange,
    });
    for (const { key, spec, geometryType, geometry } of FEATURE_REGISTERS) {
      const records = ds[key] as never[] | undefined;
      if (records === undefined) continue;
      addFeatureTable(db, {
        table: spec.table,
        geometryType,
        srsId: WGS84,
        columns: columns(spec.columns),
        description: spec.description,
        lastChange,
        rtree: true,
      });
      insertFeatures(
        db,
        spec.table,
        records.map((r) => ({ geometry: geometry(r), properties: flatToRow(spec, r) })),
        WGS84,
      );
      finalizeFeatureTable(db, spec.table);
    }
    for (const [key, spec] of REGISTER_TABLES) {
      const records = ds[key] as unknown[] | undefined;
      if (records === undefined) continue;
      addAttributeTable(db, {
        table: spec.table,
        columns: columns(spec.columns),
        description: spec.description,
        lastChange,
      });
      db.transaction(() =>
        insertRows(
          db,
          spec.table,
          records.map((r) => flatToRow(spec as FlatTable<unknown>, r)),
        ),
      )();
    }
    db.transaction(() => {
      insertRows(db, 'vves', ds.vves.map(vveToRow));
      insertRows(
        db,
        'vve_members',
        ds.vves.flatMap((v) => v.members.map((m) => ({ vve_id: v.vveId, vbo_id: m.vboId, votes: m.votes }))),
      );
      insertRows(
        db,
        'dataset_meta',
        Object.entries(ds.meta).map(([key, value]) => ({ key, value: JSON.stringify(value) })),
      );
    })();
    db.close();
    chmodSync(tmp, datasetMode(file, ds));
    renameSync(tmp, file);
  } catch (err) {
    if (opened?.open) opened.close();
    rmSync(tmp, { force: true });
    rmSync(`${tmp}-journal`, { force: true });
    const cause = ioErrorCode(err);
    if (cause === null) throw err;
    throw new DatasetFileError(
      'dataset.write-failed',
      file,
      `could not write the dataset (${cause}: ${(err as Error).message}); the previous file, if any, is unchanged`,
    );
  }
}

/**
 * The code of an error from the disk rather than from our own code: Node's errno codes (ENOSPC, EACCES, EROFS,
 * EFBIG, …) and SQLite's (SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_READONLY, SQLITE_IOERR_*); null for anything else.
 */
function ioErrorCode(err: unknown): string | null {
  if (!(err instanceof Error) || !('code' in err) || typeof err.code !== 'string') return null;
  return /^E[A-Z]+$/.test(err.code) || /^SQLITE_(FULL|CANTOPEN|READONLY|IOERR|PERM|AUTH|NOTADB|CORRUPT)/.test(err.code)
    ? err.code
    : null;
}

/**
 * A writer killed mid-write (kill -9, power loss) leaves `<file>.tmp-<pid>` (and its SQLite journal) behind.
 * Those of processes that no longer run are removed before the next write; a live writer's file is left alone.
 */
function removeStaleTemporaries(file: string): void {
  const dir = dirname(file),
    prefix = `${basename(file)}.tmp-`;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return; // the directory itself is missing or unreadable: the write below reports it
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(/^(\d+)(-journal)?$/.exec(name.slice(prefix.length))?.[1]);
    if (!Number.isInteger(pid) || pid === process.pid || isRunning(pid)) continue;
    rmSync(join(dir, name), { force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to someone else
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Checks every record before anything is written; names the collection, index and field. */
export function assertValidDataset(ds: Dataset): void {
  const check = (schema: z.ZodType, items: unknown[], what: string) => {
    items.forEach((item, i) => {
      const r = schema.safeParse(item);
      if (!r.success) {
        const issue = r.error.issues[0]!;
        throw new TypeError(`dataset.${what}[${i}].${issue.path.join('.')}: ${issue.message}`);
      }
    });
  };
  check(DatasetMeta, [ds.meta], 'meta');
  check(Buurt, ds.buurten, 'buurten');
  check(Building, ds.buildings, 'buildings');
  check(Dwelling, ds.dwellings, 'dwellings');
  check(Vve, ds.vves, 'vves');
  check(PortfolioEntry, ds.portfolio ?? [], 'portfolio');
  check(BuurtStatistics, ds.buurtStatistics ?? [], 'buurtStatistics');
  check(MeasuredGasUse, ds.measuredGasUse ?? [], 'measuredGasUse');
  check(EnergyPovertyIndicators, ds.energyPoverty ?? [], 'energyPoverty');
  check(SpeciesObservation, ds.species ?? [], 'species');
  check(AttributeSource, ds.attributeSources ?? [], 'attributeSources');
  check(ImportLogEntry, ds.imports ?? [], 'imports');
  check(IndicatorSnapshotRow, ds.indicatorSnapshots ?? [], 'indicatorSnapshots');
  check(Signal, ds.signals ?? [], 'signals');
  check(BasemapStreet, ds.basemapStreets ?? [], 'basemapStreets');
  check(BasemapBuilding, ds.basemapBuildings ?? [], 'basemapBuildings');
}

function insertRows(db: Database.Database, table: string, rows: Row[]): void {
  if (rows.length === 0) return;
  const names = Object.keys(rows[0]!);
  const stmt = db.prepare(
    `INSERT INTO "${table}" (${names.map((n) => `"${n}"`).join(',')}) VALUES (${names.map((n) => `@${n}`).join(',')})`,
  );
  for (const r of rows) stmt.run(r);
}

/**
 * Reads and validates a dataset GeoPackage; every problem names the table, fid and field. Register tables
 * are read when present; the restricted signals table only with `{ restricted: true }`.
 */
export function readDataset(file: string, opts: ReadDatasetOptions = {}): Dataset {
  if (!existsSync(file))
    throw new DatasetFileError(
      'dataset.missing',
      file,
      'dataset file not found (run `voorraad generate` or pass --dataset <path>)',
    );
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    assertGeoPackage(db, file);
  } catch (err) {
    throw new DatasetFileError(
      'dataset.corrupt',
      file,
      `not a readable voorraad GeoPackage (${(err as Error).message})`,
    );
  }
  try {
    const metaRows = db.prepare('SELECT key, value FROM dataset_meta').all() as { key: string; value: string }[];
    const metaParsed = DatasetMeta.safeParse(
      Object.fromEntries(metaRows.map((r) => [r.key, JSON.parse(r.value) as unknown])),
    );
    if (!metaParsed.success)
      throw new DatasetRowError(
        'dataset_meta',
        0,
        metaParsed.error.issues[0]!.path.join('.'),
        metaParsed.error.issues[0]!.message,
      );
    const buurten = [...readFeatures(db, 'buurten')].map((f) => rowToBuurt(f.properties as Row, f.geometry, f.fid));
    const buildings = [...readFeatures(db, 'panden')].map((f) => rowToBuilding(f.properties as Row, f.geometry, f.fid));
    const dwellings = [...readFeatures(db, 'woningen')].map((f) => {
      const g = f.geometry;
      if (g?.type !== 'Point')
        throw new DatasetRowError('woningen', f.fid, 'geom', `expected a Point, found ${g?.type ?? 'no geometry'}`);
      return rowToDwelling(f.properties as Row, g.coordinates as [number, number], f.fid);
    });
    const pandOf = new Map(dwellings.map((d) => [d.vboId, d.pandId]));
    const members = new Map<string, { vboId: string; votes: number }[]>();
    for (const m of db.prepare('SELECT vve_id, vbo_id, votes FROM vve_members ORDER BY fid').all() as {
      vve_id: string;
      vbo_id: string;
      votes: number;
    }[]) {
      let list = members.get(m.vve_id);
      if (!list) members.set(m.vve_id, (list = []));
      list.push({ vboId: m.vbo_id, votes: m.votes });
    }
    const vves = (db.prepare('SELECT * FROM vves ORDER BY fid').all() as (Row & { fid: number })[]).map((r) => {
      const ms = members.get(String(r.vve_id)) ?? [];
      const pandIds = [...new Set(ms.flatMap((m) => (pandOf.has(m.vboId) ? [pandOf.get(m.vboId)!] : [])))].sort();
      return rowToVve(r, ms, pandIds, r.fid);
    });
    const dataset: Dataset = { meta: metaParsed.data, buurten, buildings, dwellings, vves };
    const tables = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]);
    for (const { key, spec, field } of FEATURE_REGISTERS) {
      if (!tables.has(spec.table)) continue;
      (dataset as unknown as Record<string, unknown[]>)[key] = [...readFeatures(db, spec.table)].map((f) =>
        rowToFlat(spec, f.properties as Row, f.fid, { [field]: recordGeometry(f.geometry) }),
      );
    }
    for (const [key, spec] of REGISTER_TABLES) {
      if (!tables.has(spec.table) || (key === 'signals' && !opts.restricted)) continue;
      const rows = db.prepare(`SELECT * FROM "${spec.table}" ORDER BY fid`).all() as (Row & { fid: number })[];
      (dataset as unknown as Record<string, unknown[]>)[key] = rows.map((r) =>
        rowToFlat(spec as FlatTable<unknown>, r, r.fid),
      );
    }
    return dataset;
  } catch (err) {
    if (err instanceof DatasetRowError) throw new DatasetFileError('dataset.invalid', file, err.message);
    throw new DatasetFileError('dataset.corrupt', file, (err as Error).message);
  } finally {
    db.close();
  }
}
