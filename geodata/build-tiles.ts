import type { Dataset } from '../engine/dataset.ts';
import { dwellingFeature } from '../engine/dwelling-feature.ts';
import { buildPmtilesArchive } from './tiles/build-archive.ts';
import { streetLines } from './tiles/street-lines.ts';
import type { FeatureCollection } from 'geojson';

/** Zoom ranges: buurt outlines from the whole town down; buildings and dwellings only when they can be told apart. */
export const BASEMAP_ZOOMS = { min: 10, max: 16 } as const;
export const DWELLING_ZOOMS = { min: 11, max: 16 } as const;

function collection(features: FeatureCollection['features']): FeatureCollection {
  return { type: 'FeatureCollection', features };
}

/**
 * Version of what the archives hold; part of the tile cache key (geodata/shipped.ts), so a product that draws
 * new layers rebuilds the tiles of an unchanged dataset. 2: streets with names, buildings from zoom 10.
 */
export const TILES_VERSION = 2;

/**
 * The street layer: the roads of an imported public source (`voorraad import osm`) when the dataset has them, else
 * the lines derived from the dwellings' addresses (the synthetic streets). Both carry `name`, which the map labels.
 */
export function basemapStreets(ds: Dataset): FeatureCollection {
  if (ds.basemapStreets === undefined || ds.basemapStreets.length === 0) return streetLines(ds.dwellings);
  return collection(
    ds.basemapStreets.map((s) => ({
      type: 'Feature',
      properties: { name: s.name, roadClass: s.roadClass, source: s.sourceId.split(':')[0]! },
      geometry: s.line,
    })),
  );
}

/**
 * The building layer: the dataset's panden (those with dwellings), then the imported basemap outlines of other
 * buildings. BAG panden (`voorraad import bag-panden`) win over OSM buildings: once BAG panden are imported, OSM
 * outlines are not drawn, so one building never appears twice from two sources.
 */
export function basemapBuildings(ds: Dataset): FeatureCollection {
  const own = new Set(ds.buildings.map((b) => b.pandId));
  const extra = ds.basemapBuildings ?? [];
  const hasBag = extra.some((b) => b.sourceId.startsWith('bag:'));
  const others = extra.filter((b) =>
    b.sourceId.startsWith('bag:') ? !own.has(b.sourceId.slice(4)) : !hasBag && b.sourceId.startsWith('osm:'),
  );
  return collection([
    ...ds.buildings.map((b) => ({
      type: 'Feature' as const,
      properties: { pandId: b.pandId, storeys: b.storeys, bouwjaar: b.bouwjaar, roofShape: b.roofShape },
      geometry: b.footprint,
    })),
    ...others.map((b) => ({ type: 'Feature' as const, properties: { sourceId: b.sourceId }, geometry: b.footprint })),
  ]);
}

/** Basemap from the product's own data: buurt polygons, building footprints and street lines with names. */
export function buildBasemap(ds: Dataset): Uint8Array {
  const buurten = collection(
    ds.buurten.map((b) => ({
      type: 'Feature',
      properties: { buurtcode: b.buurtcode, buurtnaam: b.buurtnaam, programmeArea: b.programmeArea ?? '' },
      geometry: b.geometry,
    })),
  );
  const buildings = basemapBuildings(ds);
  return buildPmtilesArchive(
    [
      { name: 'buurten', features: buurten, minZoom: BASEMAP_ZOOMS.min, maxZoom: BASEMAP_ZOOMS.max },
      { name: 'buildings', features: buildings, minZoom: BASEMAP_ZOOMS.min, maxZoom: BASEMAP_ZOOMS.max },
      {
        name: 'streets',
        features: basemapStreets(ds),
        minZoom: BASEMAP_ZOOMS.min,
        maxZoom: BASEMAP_ZOOMS.max,
      },
    ],
    {
      minZoom: BASEMAP_ZOOMS.min,
      maxZoom: BASEMAP_ZOOMS.max,
      attribution: ds.meta.attribution.join(' · '),
      name: 'voorraad basemap',
      description: ds.basemapStreets?.length
        ? 'Buurtgrenzen, panden en straten (straten uit OpenStreetMap)'
        : 'Buurtgrenzen, panden en straten (straten afgeleid uit de adressen)',
    },
  );
}

/** Dwelling points with the attributes the map colours by and shows in its popup. */
export function buildDwellingTiles(ds: Dataset): Uint8Array {
  const fc = collection(
    ds.dwellings.map((d) => {
      const f = dwellingFeature(d);
      return { type: 'Feature', properties: f.properties, geometry: f.geometry };
    }),
  );
  return buildPmtilesArchive(
    [{ name: 'dwellings', features: fc, minZoom: DWELLING_ZOOMS.min, maxZoom: DWELLING_ZOOMS.max }],
    {
      minZoom: DWELLING_ZOOMS.min,
      maxZoom: DWELLING_ZOOMS.max,
      attribution: ds.meta.attribution.join(' · '),
      name: 'voorraad woningen',
      description: ds.meta.synthetic ? 'Synthetische woningen' : 'Woningen',
    },
  );
}
