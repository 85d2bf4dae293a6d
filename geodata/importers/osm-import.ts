import type { BasemapBuilding, BasemapStreet } from '../../engine/registers.ts';
import { BuurtLocator } from './buurt-locator.ts';
import { fileDate, type Importer } from './import-context.ts';
import { readOsmXml, type OsmWay } from './osm-xml.ts';

/**
 * Road classes (OSM `highway=*`) drawn as streets: the roads a resident or a contractor drives or walks to a front
 * door. Paths, cycleways and footways are left out so the basemap stays readable at town zoom
 * (https://wiki.openstreetmap.org/wiki/Key:highway).
 */
export const STREET_CLASSES: ReadonlySet<string> = new Set([
  'motorway',
  'motorway_link',
  'trunk',
  'trunk_link',
  'primary',
  'primary_link',
  'secondary',
  'secondary_link',
  'tertiary',
  'tertiary_link',
  'unclassified',
  'residential',
  'living_street',
  'pedestrian',
  'service',
  'road',
]);

/** Ways within this distance (degrees, about 500 m) of the dataset's buurten are kept, so edge streets are whole. */
const MARGIN_DEG = 0.005;

/** Source prefix of every record this importer writes; a re-import replaces exactly these. */
export const OSM_PREFIX = 'osm:';

const round7 = (x: number) => Math.round(x * 1e7) / 1e7;

/**
 * `voorraad import osm <extract.osm>`: the roads (with their names) and building outlines of an OpenStreetMap extract
 * as the basemap's street and building layers, in place of the streets derived from the addresses. Rows = ways with a
 * `highway` or `building` tag; other ways (land use, water, …) are not this import's rows and are only counted in a
 * note. Importing an extract again replaces the earlier OSM roads and buildings.
 */
export const importOsm: Importer = async (ctx) => {
  const ds = ctx.dataset;
  const box = new BuurtLocator(ds.buurten).bbox();
  const inBox = ([lon, lat]: [number, number]) =>
    box !== null &&
    lon >= box[0] - MARGIN_DEG &&
    lon <= box[2] + MARGIN_DEG &&
    lat >= box[1] - MARGIN_DEG &&
    lat <= box[3] + MARGIN_DEG;
  const dataDate = ctx.dataDate ?? fileDate(ctx.file);
  const nodes = new Map<number, [number, number]>();
  const streets: BasemapStreet[] = [];
  const buildings: BasemapBuilding[] = [];
  let otherWays = 0;

  const take = (way: OsmWay) => {
    const building = way.tags.get('building');
    const highway = way.tags.get('highway');
    const isBuilding = building !== undefined && building !== 'no';
    if (!isBuilding && highway === undefined) {
      otherWays++;
      return;
    }
    ctx.tally.read();
    const row = `way ${way.id}`;
    const reject = (field: string, reason: string, message: string) =>
      ctx.tally.reject({ row, field, reason, message });
    const missing = way.refs.find((r) => !nodes.has(r));
    if (missing !== undefined)
      return reject('nd', 'invalid.geometry', `expected every node of the way in the file, node ${missing} is missing`);
    const coords = way.refs.map((r) => nodes.get(r)!);
    if (!coords.some(inBox))
      return reject('nd', 'scope.outside-buurten', 'expected a way within 500 m of the dataset buurten');
    const sourceId = `${OSM_PREFIX}way/${way.id}`;
    if (isBuilding) {
      const closed = way.refs.length >= 4 && way.refs[0] === way.refs[way.refs.length - 1];
      if (!closed)
        return reject(
          'nd',
          'invalid.geometry',
          `expected a closed outline of 4 or more nodes, found ${way.refs.length}`,
        );
      buildings.push({ sourceId, footprint: { type: 'Polygon', coordinates: [coords] }, dataDate });
    } else {
      if (!STREET_CLASSES.has(highway!))
        return reject(
          'highway',
          'scope.road-class',
          `expected a street (${[...STREET_CLASSES].join(', ')}), found "${highway}"`,
        );
      if (coords.length < 2) return reject('nd', 'invalid.geometry', 'expected a line of 2 or more nodes');
      const name = (way.tags.get('name') ?? '').slice(0, 120);
      streets.push({
        sourceId,
        name,
        roadClass: highway!,
        line: { type: 'LineString', coordinates: coords },
        dataDate,
      });
    }
    ctx.tally.accept();
  };

  for await (const e of readOsmXml(ctx.file)) {
    if (e.kind === 'node') {
      if (Number.isFinite(e.lon) && Number.isFinite(e.lat)) nodes.set(e.id, [round7(e.lon), round7(e.lat)]);
    } else take(e);
  }
  if (otherWays > 0) ctx.warn(`${otherWays} ways without a highway or building tag were not read (land use, water, …)`);
  ds.basemapStreets = [...(ds.basemapStreets ?? []).filter((s) => !s.sourceId.startsWith(OSM_PREFIX)), ...streets];
  ds.basemapBuildings = [
    ...(ds.basemapBuildings ?? []).filter((b) => !b.sourceId.startsWith(OSM_PREFIX)),
    ...buildings,
  ];
  return { dataDate };
};
