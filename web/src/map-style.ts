import type { FeatureCollection, Point } from 'geojson';
import type { ExpressionSpecification, StyleSpecification } from 'maplibre-gl';
import { colorExpression, type AttributeId } from './attribute-styles.ts';
import { FOCUS_AREAS } from './map-view.ts';

/** Font name the label layers ask for; the style's `font-faces` maps it to a self-hosted file. */
export const LABEL_FONT = 'Noto Sans SemiBold';
/** Unicode ranges of the latin subset of @fontsource/noto-sans (its 600.css). */
const LATIN_RANGES = [
  'U+0000-00FF',
  'U+0131',
  'U+0152-0153',
  'U+02BB-02BC',
  'U+02C6',
  'U+02DA',
  'U+02DC',
  'U+0304',
  'U+0308',
  'U+0329',
  'U+2000-206F',
  'U+20AC',
  'U+2122',
  'U+2191',
  'U+2193',
  'U+2212',
  'U+2215',
  'U+FEFF',
  'U+FFFD',
];

export const DWELLINGS_LAYER = 'dwellings';
export const BUURT_LABELS_SOURCE = 'buurt-labels';

export interface MapStyleOptions {
  /** Origin the app is served from, e.g. "http://127.0.0.1:8787"; every URL of the style is under it. */
  origin: string;
  /** Absolute URL of the woff2 file the map labels are drawn with. */
  labelFontUrl: string;
  /** Attribute the dwellings start coloured by. */
  attribute: AttributeId;
}

const EMPTY_POINTS: FeatureCollection<Point> = { type: 'FeatureCollection', features: [] };
const programmeArea: ExpressionSpecification = ['coalesce', ['get', 'programmeArea'], ''];
/** Kalsdonk and Westrand, the areas whose stock the product models; drawn strongest. */
const inFocus: ExpressionSpecification = ['in', programmeArea, ['literal', [...FOCUS_AREAS]]];
/** Other programme areas (e.g. Centrum-Oud, the acquisition target) get a lighter mark. */
const inOtherProgramme: ExpressionSpecification = ['all', ['!=', programmeArea, ''], ['!', inFocus]];

/**
 * The whole map style, offline: sources are the product's own PMTiles archives, there is no
 * `glyphs` or `sprite` URL, and labels are drawn from a local font file via `font-faces`.
 */
export function mapStyle(o: MapStyleOptions): StyleSpecification {
  return {
    version: 8,
    name: 'voorraad',
    'font-faces': { [LABEL_FONT]: [{ url: o.labelFontUrl, 'unicode-range': LATIN_RANGES }] },
    sources: {
      basemap: { type: 'vector', url: `pmtiles://${o.origin}/tiles/basemap.pmtiles` },
      dwellings: { type: 'vector', url: `pmtiles://${o.origin}/tiles/dwellings.pmtiles` },
      [BUURT_LABELS_SOURCE]: { type: 'geojson', data: EMPTY_POINTS },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#f3f1ec' } },
      {
        id: 'buurten-fill',
        type: 'fill',
        source: 'basemap',
        'source-layer': 'buurten',
        paint: {
          'fill-color': ['case', inFocus, '#e6edf6', inOtherProgramme, '#f1f3f7', '#fbfaf7'],
          'fill-opacity': 0.95,
        },
      },
      {
        id: 'streets',
        type: 'line',
        source: 'basemap',
        'source-layer': 'streets',
        layout: { 'line-cap': 'round', 'line-join': 'round' },
        paint: {
          'line-color': '#ffffff',
          // About the generator's 14 m street width at street zooms, a hairline when zoomed out.
          'line-width': ['interpolate', ['exponential', 2], ['zoom'], 11, 0.6, 15, 4, 17, 16],
        },
      },
      {
        id: 'buildings',
        type: 'fill',
        source: 'basemap',
        'source-layer': 'buildings',
        paint: {
          'fill-color': '#d2cec7',
          'fill-outline-color': '#aaa59c',
          'fill-opacity': ['interpolate', ['linear'], ['zoom'], 11, 0.5, 14, 1],
        },
      },
      {
        id: 'buurten-line',
        type: 'line',
        source: 'basemap',
        'source-layer': 'buurten',
        paint: { 'line-color': '#8d949c', 'line-width': 1 },
      },
      {
        id: 'programme-line',
        type: 'line',
        source: 'basemap',
        'source-layer': 'buurten',
        filter: inOtherProgramme,
        paint: { 'line-color': '#5a7aa6', 'line-width': 1.5, 'line-dasharray': [3, 2] },
      },
      {
        id: 'focus-line',
        type: 'line',
        source: 'basemap',
        'source-layer': 'buurten',
        filter: inFocus,
        paint: { 'line-color': '#1f4e8c', 'line-width': ['interpolate', ['linear'], ['zoom'], 11, 1.5, 16, 3.5] },
      },
      {
        id: DWELLINGS_LAYER,
        type: 'circle',
        source: 'dwellings',
        'source-layer': 'dwellings',
        paint: {
          'circle-color': colorExpression(o.attribute),
          'circle-radius': ['interpolate', ['linear'], ['zoom'], 11, 1.2, 13, 2.1, 15, 3.4, 17, 6.5],
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': ['interpolate', ['linear'], ['zoom'], 13, 0, 15, 0.8],
        },
      },
      {
        id: 'street-labels',
        type: 'symbol',
        source: 'basemap',
        'source-layer': 'streets',
        minzoom: 14.5,
        layout: {
          'symbol-placement': 'line',
          'text-field': ['get', 'name'],
          'text-font': [LABEL_FONT],
          'text-size': ['interpolate', ['linear'], ['zoom'], 15, 10.5, 17, 13],
          'text-max-angle': 30,
        },
        paint: { 'text-color': '#4a4f55', 'text-halo-color': '#ffffff', 'text-halo-width': 1.4 },
      },
      {
        id: 'buurt-labels',
        type: 'symbol',
        source: BUURT_LABELS_SOURCE,
        layout: {
          'text-field': ['get', 'buurtnaam'],
          'text-font': [LABEL_FONT],
          'text-size': ['case', inFocus, 14, 11.5],
          'text-max-width': 9,
          'text-allow-overlap': false,
        },
        paint: {
          'text-color': ['case', inFocus, '#143a6b', '#5b6168'],
          'text-halo-color': 'rgba(255,255,255,0.92)',
          'text-halo-width': 1.6,
        },
      },
    ],
  };
}
