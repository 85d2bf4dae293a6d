import { createHash } from 'node:crypto';
import type { Geometry } from 'geojson';
import { SpeciesObservation } from '../../engine/registers.ts';
import { BuurtLocator } from './buurt-locator.ts';
import { upsertByKey } from './dataset-merge.ts';
import { checkCrs, resolveGeoJsonCrs } from './geojson-crs.ts';
import { readGeoJsonFeatures } from './geojson-features.ts';
import { parseDate, parseDecimal, parseInteger, parseText } from './field-values.ts';
import { fileDate, type ImportContext, type Importer } from './import-context.ts';
import { ImportFormatError } from './import-error.ts';
import { isDutchLonLat, isRdPosition, rdToWgs84 } from './rd-new.ts';
import { normaliseName, openTable, type TableSpec } from './table-source.ts';
import { speciesGroupOf as speciesGroup } from './species-group.ts';
import { readHead } from './text-sniff.ts';

/** Species observations as CSV/XLSX, with RD New x/y (m) or WGS84 lon/lat columns. */
export const SPECIES_SPEC: TableSpec = {
  columns: [
    { key: 'id', aliases: ['waarneming_id', 'id', 'observation_id', 'waarnemingnummer'] },
    { key: 'species', aliases: ['soort', 'species', 'soortnaam', 'naam_nl', 'wetenschappelijke_naam'] },
    { key: 'date', aliases: ['datum', 'date', 'waarnemingsdatum'] },
    { key: 'x', aliases: ['x', 'x_rd', 'rd_x'] },
    { key: 'y', aliases: ['y', 'y_rd', 'rd_y'] },
    { key: 'lon', aliases: ['lon', 'lng', 'longitude', 'lengtegraad'] },
    { key: 'lat', aliases: ['lat', 'latitude', 'breedtegraad'] },
    { key: 'roost', aliases: ['verblijfplaats', 'type_verblijf', 'verblijftype', 'roost_type', 'nest', 'functie'] },
    { key: 'count', aliases: ['aantal', 'count'] },
  ],
  required: ['species', 'date'],
  anyOf: [
    [
      ['x', 'y'],
      ['lon', 'lat'],
    ],
  ],
};

interface SpeciesRow {
  row: string;
  values: Record<string, string | undefined>;
  /** WGS84 position, or null when missing or unreadable. */
  lonLat: [number, number] | null;
}

/**
 * `voorraad import species`: observations of building-dwelling species in the dataset's buurten, for the
 * natuurkalender and pre-SMP checks. Re-importing replaces observations by id (or by a hash of the row).
 */
export const importSpecies: Importer = async (ctx) => {
  const ds = ctx.dataset;
  const dataDate = ctx.dataDate ?? fileDate(ctx.file);
  const locator = new BuurtLocator(ds.buurten);
  const out: SpeciesObservation[] = [];
  const seen = new Map<string, string>();
  const take = ({ row, values, lonLat }: SpeciesRow) => {
    ctx.tally.read();
    const reject = (field: string, reason: string, message: string) =>
      ctx.tally.reject({ row, field, reason, message });
    const species = parseText(values.species);
    if (species === null) return reject('soort', 'invalid.soort', 'expected a species name, found an empty cell');
    const date = parseDate(values.date);
    if (!date)
      return reject(
        'datum',
        'invalid.datum',
        `expected a date (YYYY-MM-DD, DD-MM-YYYY or YYYYMMDD), found "${values.date ?? ''}"`,
      );
    const count = parseInteger(values.count);
    if (count === undefined || (count !== null && count < 0))
      return reject('aantal', 'invalid.aantal', `expected a whole number ≥ 0, found "${values.count}"`);
    if (lonLat === null)
      return reject(
        'location',
        'invalid.location',
        'expected a position in the declared CRS, found none or an unreadable one',
      );
    const buurtcode = locator.locate(lonLat[0], lonLat[1]);
    if (buurtcode === null)
      return reject(
        'location',
        'scope.outside-buurten',
        `point ${lonLat.join(', ')} lies outside the dataset's buurten`,
      );
    const roostType = parseText(values.roost)?.toLowerCase() ?? null;
    const id =
      parseText(values.id) ??
      `h:${createHash('sha256')
        .update(JSON.stringify([species, date, lonLat, roostType, count]))
        .digest('hex')
        .slice(0, 16)}`;
    if (seen.has(id))
      return reject('waarneming_id', 'duplicate.waarneming_id', `observation ${id} already on ${seen.get(id)}`);
    const parsed = SpeciesObservation.safeParse({
      observationId: id,
      species,
      speciesGroup: speciesGroup(species),
      date,
      location: lonLat,
      roostType,
      count,
      buurtcode,
      dataDate,
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return reject(String(issue.path[0]), `invalid.${String(issue.path[0])}`, issue.message);
    }
    seen.set(id, row);
    out.push(parsed.data);
    ctx.tally.accept();
  };
  if (readHead(ctx.file, 1)[0] === 0x7b || /\.(geo)?json$/i.test(ctx.file)) await readSpeciesGeoJson(ctx, take);
  else await readSpeciesTable(ctx, take);
  if (out.length > 0)
    ds.species = upsertByKey(
      ds.species ?? [],
      out.sort((a, b) => a.observationId.localeCompare(b.observationId)),
      (o) => o.observationId,
    );
  return { dataDate };
};

async function readSpeciesTable(ctx: ImportContext, take: (r: SpeciesRow) => void): Promise<void> {
  let first = true;
  for await (const { row, values, problem } of openTable(ctx.file, SPECIES_SPEC).rows) {
    if (problem) {
      ctx.tally.read();
      ctx.tally.reject({ row, ...problem });
      continue;
    }
    const rd = values.x !== undefined || values.y !== undefined;
    const a = parseDecimal(rd ? values.x : values.lon);
    const b = parseDecimal(rd ? values.y : values.lat);
    let lonLat: [number, number] | null = null;
    if (typeof a === 'number' && typeof b === 'number') {
      if (first && rd && !isRdPosition(a, b))
        throw new ImportFormatError(
          'import.crs',
          ctx.file,
          'x/y in RD New metres (EPSG:28992)',
          `${a}, ${b} on row ${row}`,
        );
      if (first && !rd && !isDutchLonLat(a, b)) {
        throw new ImportFormatError(
          'import.crs',
          ctx.file,
          'lon/lat in degrees (WGS84)',
          isRdPosition(a, b)
            ? `${a}, ${b} on row ${row}, which look like RD New metres (name the columns x and y)`
            : `${a}, ${b} on row ${row}`,
        );
      }
      first = false;
      lonLat = rd ? (isRdPosition(a, b) ? rdToWgs84(a, b) : null) : [a, b];
    }
    take({ row, values, lonLat });
  }
}

async function readSpeciesGeoJson(ctx: ImportContext, take: (r: SpeciesRow) => void): Promise<void> {
  let first = true;
  for await (const { index, feature, crs: declared } of readGeoJsonFeatures(ctx.file)) {
    const crs = resolveGeoJsonCrs(ctx.file, declared, ctx.crs);
    const row = `features[${index}]`;
    const props = Object.fromEntries(
      Object.entries(feature.properties ?? {}).map(([k, v]) => [
        normaliseName(k),
        v === null || v === undefined ? undefined : String(v),
      ]),
    );
    const values: Record<string, string | undefined> = {};
    for (const c of SPECIES_SPEC.columns)
      values[c.key] = c.aliases.map((a) => props[normaliseName(a)]).find((v) => v !== undefined);
    const g = (feature.geometry ?? null) as Geometry | null;
    const ok = g?.type === 'Point' && checkCrs(ctx.file, g, crs, first, row);
    first = false;
    const c = g?.type === 'Point' ? g.coordinates : [];
    const lonLat: [number, number] | null = ok
      ? crs === 'EPSG:28992'
        ? rdToWgs84(c[0]!, c[1]!)
        : [c[0]!, c[1]!]
      : null;
    take({ row, values, lonLat });
  }
}
