import { FOCUS_BUURTEN } from '../boundaries/programme-areas.ts';
import { hasWoonfunctie, parseVbo, prop, type BagVbo, type RawPand, type RawVbo } from './bag-records.ts';
import { bagGeoJsonFeatures } from './bag-geojson-source.ts';
import { openBagLight, pandenInBox, vbosInBox, type RdBox } from './bag-gpkg-source.ts';
import { mergeBagStock } from './bag-merge.ts';
import { buildBagStock } from './bag-stock.ts';
import { BuurtLocator } from './buurt-locator.ts';
import { refreshVvePandIds } from './dataset-merge.ts';
import { parseBagId } from './field-values.ts';
import { fileDate, type Importer } from './import-context.ts';
import { ImportOptionError } from './import-error.ts';
import { readHead } from './text-sniff.ts';
import { wgs84ToRd } from './rd-new.ts';

/** Panden are read this far (m) beyond the buurten's box, so that neighbours of edge houses are seen. */
const PAND_MARGIN_M = 50;

/**
 * `voorraad import bag`: PDOK bag-light.gpkg (selected through its rtree) or a PDOK OGC API / WFS GeoJSON download.
 * Rows = verblijfsobjecten; only dwellings (woonfunctie, existing) in the selected buurten are accepted.
 */
export const importBag: Importer = async (ctx) => {
  const ds = ctx.dataset;
  // Default: the buurten whose stock the dataset models (its metadata lists them; `voorraad dataset new` lists the
  // chosen ones), else the focus buurten.
  const selected = new Set(ctx.buurten ?? ds.meta.buurtStock?.map((b) => b.buurtcode) ?? FOCUS_BUURTEN);
  const known = new Set(ds.buurten.map((b) => b.buurtcode));
  const unknown = [...selected].filter((c) => !known.has(c));
  if (unknown.length > 0)
    throw new ImportOptionError(
      '--buurten',
      `expected buurten of the dataset (${[...known].sort().join(', ')}), found ${unknown.join(', ')}`,
    );
  const locator = new BuurtLocator(ds.buurten.filter((b) => selected.has(b.buurtcode)));
  const accepted: BagVbo[] = [];
  const seen = new Set<string>();
  const takeVbo = (raw: RawVbo) => {
    ctx.tally.read();
    const v = parseVbo(
      raw,
      (lon, lat) => locator.locate(lon, lat),
      (r) => ctx.tally.reject({ row: raw.row, ...r }),
    );
    if (v === null) return;
    if (seen.has(v.vboId)) {
      ctx.tally.reject({
        row: raw.row,
        field: 'identificatie',
        reason: 'duplicate.identificatie',
        message: `verblijfsobject ${v.vboId} appears twice; the first is kept`,
      });
      return;
    }
    seen.add(v.vboId);
    accepted.push(v);
  };
  const panden = new Map<string, RawPand>();
  const takePand = (raw: RawPand, keep: (id: string) => boolean) => {
    const id = parseBagId(String(prop(raw.props, 'identificatie') ?? ''));
    if (id && keep(id)) panden.set(id, raw);
  };

  const head = readHead(ctx.file, 16);
  let sourceDate: string | null = null;
  if (new TextDecoder().decode(head).startsWith('SQLite format 3')) {
    const bag = openBagLight(ctx.file);
    try {
      if (!bag.indexed) ctx.warn('bag-light has no rtree spatial index: the whole table is scanned');
      const box = rdBox(locator);
      if (box) {
        for (const raw of vbosInBox(bag, box)) takeVbo(raw);
        const own = new Set(accepted.map((v) => v.pandId));
        const wide: RdBox = [
          box[0] - PAND_MARGIN_M,
          box[1] - PAND_MARGIN_M,
          box[2] + PAND_MARGIN_M,
          box[3] + PAND_MARGIN_M,
        ];
        for (const raw of pandenInBox(bag, wide))
          takePand(raw, (id) => own.has(id) || hasWoonfunctie(prop(raw.props, 'gebruiksdoel')));
      }
      sourceDate = bag.lastChange;
    } finally {
      bag.db.close();
    }
  } else {
    for await (const f of bagGeoJsonFeatures(ctx.file, ctx.crs)) {
      if (f.kind === 'vbo') takeVbo(f.raw);
      // Panden come in any order; keep those with a dwelling function or without one stated (checked below).
      else if (f.kind === 'pand')
        takePand(
          f.raw,
          () => prop(f.raw.props, 'gebruiksdoel') === null || hasWoonfunctie(prop(f.raw.props, 'gebruiksdoel')),
        );
      else {
        ctx.tally.read();
        ctx.tally.reject({
          row: f.row,
          field: 'geometry',
          reason: 'invalid.geometry',
          message: `expected a Point (verblijfsobject) or Polygon (pand), found ${f.type}`,
        });
      }
    }
    const own = new Set(accepted.map((v) => v.pandId));
    for (const [id, raw] of panden) if (!own.has(id) && prop(raw.props, 'gebruiksdoel') === null) panden.delete(id);
  }
  const dataDate = ctx.dataDate ?? sourceDate ?? fileDate(ctx.file);
  const stock = buildBagStock(accepted, panden, (r) => ctx.tally.reject(r));
  ctx.tally.accept(stock.dwellings.length);
  if (stock.dwellings.length > 0) {
    mergeBagStock(ds, stock, dataDate);
    refreshVvePandIds(ds);
  }
  return { dataDate };
};

/** The selected buurten's extent in RD New: every vertex projected, since RD axes are not parallel to lon/lat. */
export function rdBox(locator: BuurtLocator): RdBox | null {
  const b = locator.bbox();
  if (!b) return null;
  const corners = [wgs84ToRd(b[0], b[1]), wgs84ToRd(b[0], b[3]), wgs84ToRd(b[2], b[1]), wgs84ToRd(b[2], b[3])];
  // The projected box edges bow slightly; a few metres of margin keep edge dwellings in.
  const m = 10;
  return [
    Math.min(...corners.map((c) => c[0])) - m,
    Math.min(...corners.map((c) => c[1])) - m,
    Math.max(...corners.map((c) => c[0])) + m,
    Math.max(...corners.map((c) => c[1])) + m,
  ];
}
