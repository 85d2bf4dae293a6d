import Database from 'better-sqlite3';
import type { Geometry } from 'geojson';
import { Buurt } from '../../engine/dwelling.ts';
import type { Dataset } from '../../engine/dataset.ts';
import { BuurtStatistics } from '../../engine/registers.ts';
import { programmeAreaOf } from '../boundaries/programme-areas.ts';
import { GeodataFormatError } from '../gpkg/format-error.ts';
import { assertGeoPackage } from '../gpkg/geopackage.ts';
import { readFeatures } from '../gpkg/read-features.ts';
import { quoteIdent } from '../gpkg/sql-identifier.ts';
import { BuurtLocator } from './buurt-locator.ts';
import { CBS_KEY_COLUMNS, CBS_STAT_COLUMNS, cbsNumber, findColumn } from './cbs-columns.ts';
import { upsertByKey } from './dataset-merge.ts';
import { checkCrs, resolveGeoJsonCrs, toWgs84 } from './geojson-crs.ts';
import { readGeoJsonFeatures } from './geojson-features.ts';
import { fileDate, type ImportContext, type Importer, type SourceCrs } from './import-context.ts';
import { ImportFormatError } from './import-error.ts';
import { readHead } from './text-sniff.ts';

interface CbsRow {
  row: string;
  props: Record<string, unknown>;
  /** WGS84 geometry, or null when the row's geometry did not fit the CRS. */
  geometry: Geometry | null;
}

/**
 * `voorraad import cbs`: buurt boundaries and key figures from the CBS Wijk- en Buurtkaart (GeoPackage layer
 * `buurten`, or GeoJSON). Only buurten of the gemeenten already in the dataset are taken (default GM1674);
 * boundaries, names and figures replace the old ones, and registered dwellings are re-assigned to the buurt
 * their point now falls in.
 */
export const importCbs: Importer = async (ctx) => {
  const ds = ctx.dataset;
  const gemeenten = [...new Set(ds.buurten.map((b) => b.gemeentecode))];
  if (gemeenten.length === 0) gemeenten.push('GM1674');
  const isSqlite = new TextDecoder().decode(readHead(ctx.file, 16)).startsWith('SQLite format 3');
  const buurten: Buurt[] = [];
  const stats: BuurtStatistics[] = [];
  const take = (r: CbsRow, dataDate: string) => {
    ctx.tally.read();
    const reject = (field: string, reason: string, message: string) =>
      ctx.tally.reject({ row: r.row, field, reason, message });
    const col = (aliases: readonly string[]) => findColumn(Object.keys(r.props), aliases);
    const key = (k: keyof typeof CBS_KEY_COLUMNS) => {
      const c = col(CBS_KEY_COLUMNS[k]);
      return c === null ? null : String(r.props[c] ?? '').trim();
    };
    const gm = key('gemeentecode');
    if (!gemeenten.includes(gm ?? ''))
      return reject('gemeentecode', 'scope.other-gemeente', `expected a buurt of ${gemeenten.join(', ')}, found ${gm}`);
    if (r.geometry === null || (r.geometry.type !== 'Polygon' && r.geometry.type !== 'MultiPolygon'))
      return reject(
        'geom',
        'invalid.geometry',
        `expected a (Multi)Polygon in the file's CRS, found ${r.geometry?.type ?? 'none'}`,
      );
    const code = key('buurtcode');
    const parsed = Buurt.safeParse({
      buurtcode: code,
      buurtnaam: key('buurtnaam'),
      wijkcode: key('wijkcode'),
      gemeentecode: gm,
      programmeArea: programmeAreaOf(code ?? ''),
      lowIncomeShare: null,
      geometry: r.geometry,
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return reject(String(issue.path[0] ?? '(row)'), `invalid.${String(issue.path[0] ?? 'row')}`, issue.message);
    }
    const figures: Record<string, number | null> = {};
    for (const [field, aliases] of Object.entries(CBS_STAT_COLUMNS)) {
      const c = col(aliases);
      const v = c === null ? null : cbsNumber(r.props[c]);
      if (v === undefined) return reject(c!, `invalid.${c}`, `expected a number, found ${JSON.stringify(r.props[c!])}`);
      figures[field] = field === 'inhabitants' || field === 'dwellings' ? (v === null ? null : Math.round(v)) : v;
    }
    const s = BuurtStatistics.safeParse({ buurtcode: code, ...figures, dataDate });
    if (!s.success) return reject(String(s.error.issues[0]!.path[0]), 'invalid.figure', s.error.issues[0]!.message);
    const low = s.data.lowIncomeHouseholdsPct;
    buurten.push({
      ...parsed.data,
      lowIncomeShare:
        low === null
          ? (ds.buurten.find((b) => b.buurtcode === code)?.lowIncomeShare ?? null)
          : Math.round(low * 10) / 1000,
    });
    if (Object.values(figures).some((v) => v !== null)) stats.push(s.data);
    ctx.tally.accept();
  };

  const dataDate = isSqlite ? readCbsGeoPackage(ctx, gemeenten, take) : await readCbsGeoJson(ctx, take);
  if (buurten.length > 0) {
    buurten.sort((a, b) => a.buurtcode.localeCompare(b.buurtcode));
    ds.buurten = upsertByKey(ds.buurten, buurten, (b) => b.buurtcode);
    reassignDwellings(ds, ctx);
  }
  if (stats.length > 0)
    ds.buurtStatistics = upsertByKey(
      ds.buurtStatistics ?? [],
      stats.sort((a, b) => a.buurtcode.localeCompare(b.buurtcode)),
      (s) => s.buurtcode,
    );
  return { dataDate };
};

/** Reads the buurten layer of the gemeenten; returns the data date (--data-date, else the layer's last_change). */
function readCbsGeoPackage(
  ctx: ImportContext,
  gemeenten: string[],
  take: (r: CbsRow, dataDate: string) => void,
): string {
  let db: Database.Database;
  try {
    db = new Database(ctx.file, { readonly: true, fileMustExist: true });
    assertGeoPackage(db, ctx.file);
  } catch (err) {
    throw new ImportFormatError(
      'import.format',
      ctx.file,
      'a GeoPackage (CBS Wijk- en Buurtkaart)',
      err instanceof GeodataFormatError ? err.message.replace(/^.*found /, '') : (err as Error).message,
    );
  }
  try {
    const tables = db
      .prepare("SELECT table_name FROM gpkg_contents WHERE data_type = 'features'")
      .pluck()
      .all() as string[];
    const table = tables.find((t) => t.toLowerCase() === 'buurten' || /^cbs_buurten_\d{4}$/i.test(t));
    if (!table)
      throw new ImportFormatError(
        'import.header',
        ctx.file,
        'a feature table buurten (with wijken, gemeenten)',
        `tables ${tables.join(', ') || '(none)'}`,
      );
    const columns = (db.prepare(`PRAGMA table_info(${quoteIdent(table)})`).all() as { name: string }[]).map(
      (c) => c.name,
    );
    const missing = Object.values(CBS_KEY_COLUMNS)
      .filter((aliases) => findColumn(columns, aliases) === null)
      .map((a) => a.join(' or '));
    if (missing.length > 0)
      throw new ImportFormatError(
        'import.header',
        ctx.file,
        `${table} columns ${Object.values(CBS_KEY_COLUMNS)
          .map((a) => a.join('/'))
          .join(', ')}`,
        `columns ${columns.join(', ')}`,
      );
    const srs = db
      .prepare(
        `SELECT s.organization AS org, s.organization_coordsys_id AS code, g.srs_id AS srsId FROM gpkg_geometry_columns g
       LEFT JOIN gpkg_spatial_ref_sys s ON s.srs_id = g.srs_id WHERE lower(g.table_name) = lower(?)`,
      )
      .get(table) as { org: string | null; code: number | null; srsId: number };
    const crs: SourceCrs | null =
      String(srs.org).toUpperCase() === 'EPSG' && srs.code === 28992
        ? 'EPSG:28992'
        : String(srs.org).toUpperCase() === 'EPSG' && srs.code === 4326
          ? 'CRS84'
          : null;
    if (crs === null)
      throw new ImportFormatError(
        'import.crs',
        ctx.file,
        `${table} in EPSG:28992 (RD New) or EPSG:4326`,
        `srs_id ${srs.srsId} (${srs.org ?? '?'}:${srs.code ?? '?'})`,
      );
    const lc = db.prepare('SELECT last_change FROM gpkg_contents WHERE table_name = ?').pluck().get(table) as
      string | null;
    const date = ctx.dataDate ?? (lc && /^\d{4}-\d{2}-\d{2}/.test(lc) ? lc.slice(0, 10) : fileDate(ctx.file));
    const gmColumn = findColumn(columns, CBS_KEY_COLUMNS.gemeentecode)!;
    let first = true;
    for (const f of readFeatures(db, table, {
      where: `${quoteIdent(gmColumn)} IN (${gemeenten.map(() => '?').join(',')})`,
      params: gemeenten,
    })) {
      const row = `${table} fid ${f.fid}`;
      const ok = f.geometry !== null && checkCrs(ctx.file, f.geometry, crs, first, row);
      first = false;
      take({ row, props: f.properties, geometry: ok ? toWgs84(f.geometry!, crs) : null }, date);
    }
    return date;
  } finally {
    db.close();
  }
}

async function readCbsGeoJson(ctx: ImportContext, take: (r: CbsRow, dataDate: string) => void): Promise<string> {
  const date = ctx.dataDate ?? fileDate(ctx.file);
  let first = true;
  for await (const { index, feature, crs: declared } of readGeoJsonFeatures(ctx.file)) {
    const crs = resolveGeoJsonCrs(ctx.file, declared, ctx.crs);
    const row = `features[${index}]`;
    const props = { ...(feature.properties ?? {}) };
    if (
      index === 0 &&
      Object.values(CBS_KEY_COLUMNS).some((aliases) => findColumn(Object.keys(props), aliases) === null)
    ) {
      throw new ImportFormatError(
        'import.header',
        ctx.file,
        `properties ${Object.values(CBS_KEY_COLUMNS)
          .map((a) => a.join('/'))
          .join(', ')}`,
        `properties ${Object.keys(props).join(', ')}`,
      );
    }
    const g = (feature.geometry ?? null) as Geometry | null;
    const ok = g !== null && checkCrs(ctx.file, g, crs, first, row);
    first = false;
    take({ row, props, geometry: ok ? toWgs84(g, crs) : null }, date);
  }
  return date;
}

/** Registered dwellings follow new boundaries; a point outside every buurt keeps its old code. */
function reassignDwellings(ds: Dataset, ctx: ImportContext): void {
  const locator = new BuurtLocator(ds.buurten);
  let moved = 0;
  ds.dwellings = ds.dwellings.map((d) => {
    if (d.provenance === 'synthetic') return d;
    const code = locator.locate(d.location[0], d.location[1]);
    if (code === null || code === d.buurtcode) return d;
    moved++;
    return { ...d, buurtcode: code };
  });
  if (moved > 0) ctx.warn(`${moved} registered dwellings now lie in another buurt and were re-assigned`);
}
