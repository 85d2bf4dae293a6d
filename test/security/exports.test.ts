import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ACQUISITION_COLUMNS } from '../../engine/acquisition/export-table.ts';
import { FORBIDDEN_KEYS, RESTRICTED_HEADERS } from './leak-check.ts';
import { securityApp } from './security-app.ts';
import { columnCells, openCsv, openXlsx } from '../spreadsheet.ts';

/** docs/domain.md §6: the columns an acquisition export may have — and, for roles without signals, fewer. */
const ALL_KEYS = ACQUISITION_COLUMNS.map((c) => c.key);
const WITHOUT_SIGNALS = ACQUISITION_COLUMNS.filter((c) => !c.restricted).map((c) => c.key);
const ALLOWED = new Set([
  'rang',
  'geselecteerd',
  'bag_verblijfsobject_id',
  'bag_pand_id',
  'adres',
  'postcode',
  'woonplaats',
  'buurtcode',
  'buurt',
  'zone',
  'bouwjaar',
  'oppervlakte_m2',
  'woningtype',
  'energielabel',
  'vve_id',
  'eigendom_categorie',
  'woz_klasse',
  'kamerverhuur_vergunning',
  'leegstand_klasse',
  'overlast_klasse',
  'score',
  'geraamde_kosten_eur',
  'redenen',
  'reden_codes',
  'peildatum',
  'doel',
]);

const { as, ds } = await securityApp();

function csvTable(text: string): { meta: Map<string, string>; header: string[]; rows: string[][] } {
  const lines = text.replace(/^\uFEFF/, '').split('\r\n');
  const blank = lines.indexOf('');
  const split = (l: string) => l.split(';');
  return {
    meta: new Map(lines.slice(0, blank).map((l) => split(l) as [string, string])),
    header: split(lines[blank + 1]!),
    rows: lines
      .slice(blank + 2)
      .filter((l) => l !== '')
      .map(split),
  };
}

describe('acquisition exports', () => {
  it('has only allowed columns, never a forbidden one', () => {
    for (const c of ACQUISITION_COLUMNS) {
      expect(ALLOWED.has(c.key), c.key).toBe(true);
      expect(FORBIDDEN_KEYS.has(c.key)).toBe(false);
    }
  });

  it('CSV for Dutch Excel: BOM, ";", decimal comma, CRLF; states who, when, dataset, purpose and synthetic', async () => {
    const res = await as('gemeente')('/api/acquisition/export?format=csv&purpose=aanpak-woonoverlast');
    expect(res.headers.get('content-type')).toBe('text/csv; charset=UTF-8');
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="verwervingslijst-2025-01-01-gemeente.csv"',
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain('\r\n');
    const t = csvTable(text);
    expect(t.meta.get('Geëxporteerd door')).toBe('test-gemeente (rol gemeente, via API (token))');
    expect(t.meta.get('Geëxporteerd op')).toMatch(/^\d{2}-\d{2}-\d{4} \d{2}:\d{2}:\d{2} CES?T$/);
    expect(t.meta.get('Dataset')).toBe('Beveiligingsproefset (peildatum 2025-01-01)');
    expect(t.meta.get('Synthetisch')).toMatch(/^ja — SYNTHETISCHE GEGEVENS/);
    expect(t.meta.get('Doel')).toMatch(/^aanpak-woonoverlast — /);
    expect(t.header).toEqual(ACQUISITION_COLUMNS.map((c) => c.header));
    expect(t.rows.length).toBe(ds.dwellings.filter((d) => d.ownership !== 'corporatie').length);
    const score = t.header.indexOf('Score (0-100)');
    expect(t.rows.some((r) => /^\d+,\d$/.test(r[score]!))).toBe(true);
    expect(t.rows.every((r) => !r[score]!.includes('.'))).toBe(true);
    const area = t.header.indexOf('Gebruiksoppervlakte (m²)');
    expect(t.rows.some((r) => r[area]!.includes(','))).toBe(true);
    expect(t.rows.every((r) => r[t.header.indexOf('Doel')] === 'aanpak-woonoverlast')).toBe(true);
  });

  it('leaves the signal columns out for alwel', async () => {
    const t = csvTable(await (await as('alwel')('/api/acquisition/export?format=csv')).text());
    expect(t.header).toEqual(ACQUISITION_COLUMNS.filter((c) => !c.restricted).map((c) => c.header));
    expect(t.meta.get('Signalen')).toMatch(/niet opgenomen/);
    expect(t.rows.every((r) => !r.join(';').includes('signaal.'))).toBe(true);
  });

  it('XLSX: the table sheet states who/when/dataset/purpose and the synthetic mark; a metadata sheet; typed cells', async () => {
    for (const [role, keys] of [
      ['gemeente', ALL_KEYS],
      ['alwel', WITHOUT_SIGNALS],
    ] as const) {
      const res = await as(role)('/api/acquisition/export?format=xlsx');
      expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(await res.arrayBuffer());
      expect(wb.worksheets.map((w) => w.name)).toEqual(['Verwervingslijst', 'Over deze export']);
      const ws = wb.getWorksheet('Verwervingslijst')!;
      expect(String(ws.getRow(1).getCell(1).value)).toContain('SYNTHETISCHE GEGEVENS');
      expect(String(ws.getRow(2).getCell(1).value)).toMatch(
        new RegExp(
          `Geëxporteerd door test-${role} \\(rol ${role}\\) op .* dataset Beveiligingsproefset .* doel verwerving`,
        ),
      );
      const header = (ws.getRow(4).values as unknown[]).slice(1);
      expect(header).toEqual(
        ACQUISITION_COLUMNS.filter((c) => (keys as readonly string[]).includes(c.key)).map((c) => c.header),
      );
      if (role === 'alwel') for (const h of RESTRICTED_HEADERS) expect(header).not.toContain(h);
      expect(typeof ws.getRow(5).getCell(header.indexOf('Score (0-100)') + 1).value).toBe('number');
      const meta = wb.getWorksheet('Over deze export')!;
      const lines = new Map<string, string>();
      meta.eachRow((r) => lines.set(String(r.getCell(1).value), String(r.getCell(2).value)));
      expect(lines.get('Geëxporteerd door')).toContain(`test-${role}`);
      expect(lines.get('Synthetisch')).toMatch(/^ja/);
      expect(wb.creator).toBe(`test-${role} (rol ${role})`);
    }
  });

  it('opened in a spreadsheet reader: BAG ids keep all 16 digits as text, classes 1-2/3-5/6+ stay text, dates are dates', async () => {
    const csv = openCsv(Buffer.from(await (await as('gemeente')('/api/acquisition/export?format=csv')).arrayBuffer()));
    const xlsx = openXlsx(
      Buffer.from(await (await as('gemeente')('/api/acquisition/export?format=xlsx')).arrayBuffer()),
    ).get('Verwervingslijst')!;
    for (const sheet of [csv, xlsx]) {
      const ids = columnCells(sheet, 'BAG verblijfsobject-id');
      expect(ids.length).toBeGreaterThan(0);
      for (const c of ids) expect([c.type, String(c.value)]).toEqual(['s', expect.stringMatching(/^\d{16}$/)]);
      const nuisance = columnCells(sheet, 'Overlastmeldingen (klasse, 12 mnd)');
      expect(new Set(nuisance.map((c) => c.type))).toEqual(new Set(['s']));
      expect(nuisance.map((c) => c.value)).toEqual(expect.arrayContaining(['1-2']));
      expect(new Set(columnCells(sheet, 'Peildatum').map((c) => c.type))).toEqual(new Set(['d']));
      expect(new Set(columnCells(sheet, 'Score (0-100)').map((c) => c.type))).toEqual(new Set(['n']));
      // The estimate the panel shows, as a number; reasons in words for people, codes beside them for scripts.
      const cost = columnCells(sheet, 'Geraamde kosten (€)');
      expect(cost.length).toBe(ids.length);
      expect(cost.every((c) => c.type === 'n' && Number(c.value) > 10_000)).toBe(true);
      const words = columnCells(sheet, 'Redenen').map((c) => String(c.value));
      expect(words.some((w) => w.includes('Overlastmeldingen op dit adres'))).toBe(true);
      expect(words.every((w) => !/staat\.|signaal\./.test(w))).toBe(true);
      expect(columnCells(sheet, 'Redencodes').some((c) => String(c.value).includes('signaal.overlast'))).toBe(true);
    }
  });

  it('GeoJSON: points with the allowed properties and the metadata as a foreign member', async () => {
    const res = await as('alwel')('/api/acquisition/export?format=geojson&purpose=leegstandsaanpak');
    expect(res.headers.get('content-type')).toBe('application/geo+json; charset=UTF-8');
    const fc = (await res.json()) as {
      type: string;
      metadata: Record<string, unknown>;
      features: { geometry: { type: string; coordinates: number[] }; properties: Record<string, unknown> }[];
    };
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.metadata).toMatchObject({
      exportedBy: { name: 'test-alwel', role: 'alwel', via: 'token' },
      purpose: 'leegstandsaanpak',
      synthetic: true,
      dataset: { name: 'Beveiligingsproefset' },
    });
    expect(fc.features[0]!.geometry.type).toBe('Point');
    expect(Object.keys(fc.features[0]!.properties)).toEqual(WITHOUT_SIGNALS);
  });

  it('refuses an unknown format or purpose', async () => {
    expect((await as('gemeente')('/api/acquisition/export?format=pdf')).status).toBe(400);
    expect((await as('gemeente')('/api/acquisition/export')).status).toBe(400);
    expect(
      await (await as('gemeente')('/api/acquisition/export?format=csv&purpose=nieuwsgierig')).json(),
    ).toMatchObject({ code: 'query.invalid', path: ['query', 'purpose'] });
  });
});
