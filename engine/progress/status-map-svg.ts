import type { Buurt } from '../dwelling.ts';
import { escapeXml } from './svg-chart.ts';
import type { ControlledBuurtStatus } from './status-aggregate.ts';

/**
 * The printed status map: the programme's buurten coloured by the share of planned dwellings insulated, after
 * disclosure control (status-aggregate.ts); a buurt without a publishable share is hatched grey. Equirectangular
 * projection scaled by cos(latitude), enough for a few kilometres of Roosendaal.
 */
export const SHARE_CLASSES = [
  { upTo: 0.1, color: '#eef3e2', label: 'minder dan 10 %' },
  { upTo: 0.25, color: '#c2dc9a', label: '10–25 %' },
  { upTo: 0.5, color: '#7fb85a', label: '25–50 %' },
  { upTo: Infinity, color: '#3a7d2c', label: '50 % of meer' },
] as const;
export const NO_SHARE_COLOR = '#d9d9d9';

export const shareColor = (share: number | null): string =>
  share === null ? NO_SHARE_COLOR : SHARE_CLASSES.find((c) => share < c.upTo)!.color;

type Ring = readonly (readonly [number, number])[] | readonly number[][];

const ringsOf = (g: Buurt['geometry']): Ring[] => (g.type === 'Polygon' ? g.coordinates : g.coordinates.flat());

export function statusMapSvg(
  buurten: readonly Pick<Buurt, 'buurtcode' | 'buurtnaam' | 'geometry'>[],
  statuses: readonly ControlledBuurtStatus[],
  title: string,
  width = 640,
  height = 420,
): string {
  const byCode = new Map(statuses.map((s) => [s.buurtcode, s]));
  const shown = buurten.filter((b) => byCode.has(b.buurtcode));
  const pts = shown.flatMap((b) => ringsOf(b.geometry).flat()) as number[][];
  const head = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeXml(title)}" font-family="Noto Sans, Arial, sans-serif" font-size="11"><text x="8" y="16" font-size="13" font-weight="bold">${escapeXml(title)}</text>`;
  if (pts.length === 0) return `${head}<text x="8" y="40">Geen buurten met geplande woningen.</text></svg>`;
  const lons = pts.map((p) => p[0]!),
    lats = pts.map((p) => p[1]!);
  const [minX, maxX, minY, maxY] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  const k = Math.cos((((minY + maxY) / 2) * Math.PI) / 180);
  const top = 28,
    legendH = 70;
  const sx = (width - 16) / Math.max(1e-9, (maxX - minX) * k),
    sy = (height - top - legendH) / Math.max(1e-9, maxY - minY);
  const s = Math.min(sx, sy);
  const px = (lon: number) => 8 + (lon - minX) * k * s;
  const py = (lat: number) => top + (maxY - lat) * s;
  const r1 = (x: number) => Math.round(x * 10) / 10;
  const parts = [
    head,
    '<defs><pattern id="geen" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="#eee"/><path d="M0,6 L6,0" stroke="#bbb"/></pattern></defs>',
  ];
  for (const b of shown) {
    const st = byCode.get(b.buurtcode)!;
    const d = ringsOf(b.geometry)
      .map((ring) => `M${(ring as number[][]).map((p) => `${r1(px(p[0]!))},${r1(py(p[1]!))}`).join('L')}Z`)
      .join('');
    const fill = st.insulatedShare === null ? 'url(#geen)' : shareColor(st.insulatedShare);
    parts.push(
      `<path d="${d}" fill="${fill}" stroke="#555" stroke-width="1"><title>${escapeXml(b.buurtnaam)}</title></path>`,
    );
  }
  for (const b of shown) {
    const ring = ringsOf(b.geometry)[0] as number[][];
    const cx = ring.reduce((a, p) => a + p[0]!, 0) / ring.length,
      cy = ring.reduce((a, p) => a + p[1]!, 0) / ring.length;
    const st = byCode.get(b.buurtcode)!;
    const share = st.insulatedShare === null ? 'n.v.t.' : `${Math.round(st.insulatedShare * 100)} %`;
    parts.push(
      `<text x="${r1(px(cx))}" y="${r1(py(cy))}" text-anchor="middle" paint-order="stroke" stroke="#fff" stroke-width="3">${escapeXml(b.buurtnaam)}</text>`,
      `<text x="${r1(px(cx))}" y="${r1(py(cy) + 13)}" text-anchor="middle" paint-order="stroke" stroke="#fff" stroke-width="3">${share}</text>`,
    );
  }
  const ly = height - legendH + 14;
  parts.push(`<text x="8" y="${ly}">Aandeel geplande woningen geïsoleerd</text>`);
  [
    ...SHARE_CLASSES,
    { color: 'url(#geen)', label: 'niet getoond (minder dan 50 gepland of minder dan 10 geïsoleerd)' },
  ].forEach((c, i) => {
    const x = 8 + (i % 3) * 205,
      y = ly + 10 + Math.floor(i / 3) * 18;
    parts.push(
      `<rect x="${x}" y="${y}" width="14" height="10" fill="${c.color}" stroke="#555" stroke-width="0.5"/>`,
      `<text x="${x + 20}" y="${y + 9}">${escapeXml(c.label)}</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('');
}
