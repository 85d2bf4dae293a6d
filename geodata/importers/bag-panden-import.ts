import type { BasemapBuilding } from '../../engine/registers.ts';
import { prop, type RawPand } from './bag-records.ts';
import { bagGeoJsonFeatures } from './bag-geojson-source.ts';
import { openBagLight, pandenInBox } from './bag-gpkg-source.ts';
import { rdBox } from './bag-import.ts';
import { BuurtLocator } from './buurt-locator.ts';
import { parseBagId } from './field-values.ts';
import { fileDate, type Importer } from './import-context.ts';
import { readHead } from './text-sniff.ts';

/** Source prefix of every record this importer writes; a re-import replaces exactly these. */
export const BAG_PAND_PREFIX = 'bag:';

/** Pand statuses of buildings that do not stand (BAG catalogus 2018, "Status pand"): not drawn on the basemap. */
export const NOT_STANDING = new Set([
  'Bouwvergunning verleend',
  'Niet gerealiseerd pand',
  'Pand gesloopt',
  'Pand ten onrechte opgevoerd',
]);

const round7 = (x: number) => Math.round(x * 1e7) / 1e7;

/**
 * `voorraad import bag-panden <bag-light.gpkg | panden.geojson>`: every standing BAG pand in the dataset's buurten
 * (homes, shops, schools, sheds) as the basemap's building layer, besides the dataset's own panden which carry
 * dwellings (`voorraad import bag`). Rows = panden; verblijfsobjecten in a GeoJSON download are not this import's rows.
 * Importing again replaces the earlier BAG basemap panden.
 */
export const importBagPanden: Importer = async (ctx) => {
  const ds = ctx.dataset;
  const locator = new BuurtLocator(ds.buurten);
  const buildings: BasemapBuilding[] = [];
  const seen = new Set<string>();
  let sourceDate: string | null = null;
  let dataDate = ctx.dataDate ?? '';
  const take = (raw: RawPand, row: string) => {
    ctx.tally.read();
    const reject = (field: string, reason: string, message: string) =>
      ctx.tally.reject({ row, field, reason, message });
    const idRaw = prop(raw.props, 'identificatie');
    const id = parseBagId(idRaw === null ? undefined : String(idRaw));
    if (!id)
      return reject(
        'identificatie',
        'invalid.identificatie',
        `expected a 16-digit pand id, found "${String(idRaw ?? '')}"`,
      );
    if (seen.has(id))
      return reject('identificatie', 'duplicate.identificatie', `pand ${id} appears twice; the first is kept`);
    seen.add(id);
    const status = String(prop(raw.props, 'status') ?? '');
    if (NOT_STANDING.has(status))
      return reject('status', 'scope.status', `expected a standing pand, found "${status}"`);
    const ring = raw.lonLatRing;
    if (!ring || ring.length < 4) return reject('geom', 'invalid.geometry', 'expected a polygon outline, found none');
    if (!ring.some(([lon, lat]) => locator.locate(lon, lat) !== null))
      return reject('geom', 'scope.outside-buurten', 'expected a pand in the dataset buurten');
    buildings.push({
      sourceId: `${BAG_PAND_PREFIX}${id}`,
      footprint: { type: 'Polygon', coordinates: [ring.map(([x, y]) => [round7(x), round7(y)] as [number, number])] },
      dataDate,
    });
    ctx.tally.accept();
  };

  if (new TextDecoder().decode(readHead(ctx.file, 16)).startsWith('SQLite format 3')) {
    const bag = openBagLight(ctx.file);
    try {
      sourceDate = bag.lastChange;
      dataDate = ctx.dataDate ?? sourceDate ?? fileDate(ctx.file);
      const box = rdBox(locator);
      if (!bag.indexed) ctx.warn('bag-light has no rtree spatial index: the whole table is scanned');
      if (box)
        for (const raw of pandenInBox(bag, box)) take(raw, `pand ${String(prop(raw.props, 'identificatie') ?? '?')}`);
    } finally {
      bag.db.close();
    }
  } else {
    dataDate = ctx.dataDate ?? fileDate(ctx.file);
    let other = 0;
    for await (const f of bagGeoJsonFeatures(ctx.file, ctx.crs)) {
      if (f.kind === 'pand') take(f.raw, `pand ${String(prop(f.raw.props, 'identificatie') ?? '?')}`);
      else other++;
    }
    if (other > 0) ctx.warn(`${other} features that are not panden (polygons) were not read`);
  }
  ds.basemapBuildings = [
    ...(ds.basemapBuildings ?? []).filter((b) => !b.sourceId.startsWith(BAG_PAND_PREFIX)),
    ...buildings,
  ];
  return { dataDate };
};
