import { closeSync, openSync, writeSync } from 'node:fs';
import type { Polygon } from 'geojson';
import { writeBagLightGpkg, type BagPandRow } from './bag-light-writer.ts';
import { loadShippedBuurten } from '../boundaries/cbs-buurten.ts';
import { FOCUS_BUURTEN } from '../boundaries/programme-areas.ts';
import { EPONLINE_V2_HEADER } from './eponline-format.ts';
import { wgs84ToRd } from './rd-new.ts';

/** Bench ids: '16740100' + an 8-digit sequence, clear of the synthetic range ('16740109…'). */
export const benchVboId = (i: number): string => `16740100${String(i).padStart(8, '0')}`;
const benchPandId = (i: number): string => `16741000${String(i).padStart(8, '0')}`;

/** The focus buurten's extent in RD New (m). */
function focusBox(): [number, number, number, number] {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const b of loadShippedBuurten().filter((x) => FOCUS_BUURTEN.includes(x.buurtcode))) {
    const polys = b.geometry.type === 'Polygon' ? [b.geometry.coordinates] : b.geometry.coordinates;
    for (const [lon, lat] of polys.flatMap((p) => p[0] ?? [])) {
      const [x, y] = wgs84ToRd(lon, lat);
      [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
    }
  }
  return [x0, y0, x1, y1];
}

const rect = (x0: number, y0: number, x1: number, y1: number) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [x0, y0],
      [x1, y0],
      [x1, y1],
      [x0, y1],
      [x0, y0],
    ],
  ],
});

/**
 * A bag-light-shaped GeoPackage with `rows` verblijfsobjecten over the focus buurten's box (EPSG:28992, rtree):
 * 50 × 20 m cells alternating a row of 8 terraced houses and a 24-dwelling flat. Streams features into SQLite.
 */
export function writeBenchBagLight(file: string, rows: number): void {
  const [bx0, by0, bx1] = focusBox();
  const panden: { geometry: Polygon; row: BagPandRow }[] = [];
  const vbos: { at: [number, number]; pand: string; nr: number; opp: number; year: number }[] = [];
  const cols = Math.floor((bx1 - bx0) / 50);
  for (let cell = 0; vbos.length < rows; cell++) {
    const x = bx0 + 50 * (cell % cols);
    const y = by0 + 20 * Math.floor(cell / cols);
    const year = 1950 + (cell % 60);
    if (cell % 2 === 0) {
      for (let k = 0; k < 8 && vbos.length < rows; k++) {
        const id = benchPandId(panden.length);
        panden.push({
          geometry: rect(x + 6 * k, y, x + 6 * k + 6, y + 9),
          row: { id, bouwjaar: year, gebruiksdoel: 'woonfunctie', dwellings: 1 },
        });
        vbos.push({ at: [x + 6 * k + 3, y + 4.5], pand: id, nr: vbos.length + 1, opp: 100, year });
      }
    } else {
      const id = benchPandId(panden.length);
      panden.push({
        geometry: rect(x, y, x + 45, y + 11),
        row: { id, bouwjaar: year, gebruiksdoel: 'woonfunctie', dwellings: 24 },
      });
      for (let k = 0; k < 24 && vbos.length < rows; k++)
        vbos.push({ at: [x + 1 + 1.8 * k, y + 5.5], pand: id, nr: vbos.length + 1, opp: 65, year });
    }
  }
  writeBagLightGpkg(file, {
    srsId: 28992,
    lastChange: '2025-03-01T00:00:00.000Z',
    panden,
    vbos: (function* () {
      for (let i = 0; i < vbos.length; i++) {
        const v = vbos[i]!;
        yield {
          geometry: { type: 'Point' as const, coordinates: v.at },
          row: {
            id: benchVboId(i),
            pand: v.pand,
            oppervlakte: v.opp,
            status: 'Verblijfsobject in gebruik',
            gebruiksdoel: 'woonfunctie',
            huisnummer: 1 + (i % 9999),
            huisletter: null,
            toevoeging: String(Math.floor(i / 9999) || '') || null,
            postcode: `47${String(10 + (i % 90))}AB`,
            woonplaats: 'Roosendaal',
            bouwjaar: v.year,
            street: 'Benchstraat',
            nummeraanduiding: null,
          },
        };
      }
    })(),
  });
}

const LABELS = ['A', 'B', 'C', 'C', 'D', 'D', 'E', 'F', 'G'];

/**
 * An EP-Online v2 CSV with `rows` lines for the bench ids: one registration per dwelling, and every tenth line an
 * older registration of an earlier dwelling (so "keep the latest" has work). Written in chunks, never held whole.
 */
export function writeBenchEpOnline(file: string, rows: number): void {
  const fd = openSync(file, 'w');
  const col = new Map(EPONLINE_V2_HEADER.map((h, i) => [h, i]));
  const line = (vbo: string, label: string, date: string) => {
    const v = new Array<string>(EPONLINE_V2_HEADER.length).fill('');
    const set = (h: (typeof EPONLINE_V2_HEADER)[number], s: string) => (v[col.get(h)!] = s);
    set('Pand_opnamedatum', date);
    set('Pand_energieklasse', label);
    set('Pand_energieindex', '1,42');
    set('Pand_gebouwklasse', 'W');
    set('Pand_registratiedatum', date);
    set('Pand_bagverblijfsobjectid', vbo);
    set('Pand_bagpandid', '1674100000000001');
    set('Pand_gebouwtype', 'Rijwoning tussen');
    set('Pand_warmtebehoefte', '61,5');
    return v.join(';');
  };
  let buf = `PublicatieDatum;01-10-2025\nLaatstVerwerkteMutatievolgnummer;1\n${EPONLINE_V2_HEADER.join(';')}\n`;
  for (let i = 0, dwelling = 0; i < rows; i++) {
    buf +=
      i % 10 === 9
        ? `${line(benchVboId(dwelling - 5), 'G', '20180115')}\n`
        : `${line(benchVboId(dwelling), LABELS[dwelling % LABELS.length]!, `202${dwelling % 5}0${1 + (dwelling % 9)}15`)}\n`;
    if (i % 10 !== 9) dwelling++;
    if (buf.length > 1 << 20) {
      writeSync(fd, buf);
      buf = '';
    }
  }
  writeSync(fd, buf);
  closeSync(fd);
}
