import type { ExportValue } from '../acquisition/export-table.ts';
import type { ReportDocument, ReportTable } from './report-document.ts';
import { fmtDate, fmtEur, fmtInt, fmtQuarter, fmtShare } from './report-format.ts';
import { escapeXml } from './svg-chart.ts';

/**
 * The progress report as one self-contained, printable HTML page (A4, Dutch): cover, summary, one part per section
 * with its charts and tables, assumptions and data dates. No external resource (fonts, scripts, images), so it
 * opens offline and headless Chromium prints it to PDF as is. Synthetic data says so on the cover and every page.
 */
const SYNTHETIC = 'SYNTHETISCHE GEGEVENS — geen echte woningen, adressen of eigenaren';

const CSS = `
@page { size: A4; margin: 16mm 14mm 18mm 14mm; }
body { font-family: 'Noto Sans', Arial, sans-serif; font-size: 10.5pt; color: #222; margin: 0; }
h1 { font-size: 24pt; margin: 0 0 8mm; color: #1f4e8c; }
h2 { font-size: 15pt; color: #1f4e8c; border-bottom: 1px solid #1f4e8c; padding-bottom: 2px; margin-top: 10mm; }
h3 { font-size: 11pt; margin: 6mm 0 2mm; }
.cover { page-break-after: always; padding-top: 40mm; }
.cover dl { display: grid; grid-template-columns: 45mm 1fr; gap: 2mm 4mm; }
.cover dt { font-weight: bold; }
.synthetic { color: #8a5a00; font-weight: bold; border: 2px solid #8a5a00; padding: 3mm; margin: 6mm 0; }
.running { position: fixed; bottom: -12mm; left: 0; right: 0; font-size: 8pt; color: #8a5a00; text-align: center; }
section { page-break-before: always; }
section.summary { page-break-before: auto; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0 4mm; font-size: 8.5pt; page-break-inside: auto; }
th, td { border: 1px solid #bbb; padding: 1mm 1.5mm; text-align: left; vertical-align: top; }
td.num { text-align: right; white-space: nowrap; }
th { background: #eef2f8; }
table.wide { font-size: 7pt; }
table.wide th, table.wide td { padding: 0.6mm 1mm; }
tr { page-break-inside: avoid; }
figure { margin: 3mm 0; page-break-inside: avoid; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-size: 8pt; color: #555; }
.warning { color: #8a1f00; }
`;

function cell(v: ExportValue, kind: string, format: 'share' | 'eur' | undefined): string {
  if (v === null) return '–';
  if (typeof v === 'boolean') return v ? 'ja' : 'nee';
  if (typeof v === 'number') {
    if (format === 'share') return fmtShare(v);
    if (format === 'eur') return fmtEur(v);
    if (kind === 'integer') return fmtInt(v);
    return v.toLocaleString('nl-NL', { maximumFractionDigits: 2 });
  }
  if (kind === 'date') return fmtDate(v);
  return v;
}

export function tableHtml(t: ReportTable): string {
  const head = t.columns.map((c) => `<th>${escapeXml(c.header)}</th>`).join('');
  const body = t.rows
    .map(
      (r) =>
        `<tr>${t.columns
          .map((c) => {
            const num = c.kind === 'integer' || c.kind === 'decimal';
            return `<td${num ? ' class="num"' : ''}>${escapeXml(cell(r[c.key] ?? null, c.kind, t.formats?.[c.key]))}</td>`;
          })
          .join('')}</tr>`,
    )
    .join('');
  const wide = t.columns.length > 9 ? ' class="wide"' : '';
  return `<h3>${escapeXml(t.title)}</h3><table${wide}><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

const amsterdam = (iso: string): string =>
  new Intl.DateTimeFormat('nl-NL', {
    timeZone: 'Europe/Amsterdam',
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(new Date(iso));

export function reportHtml(d: ReportDocument): string {
  const syn = d.dataset.synthetic;
  const parts: string[] = [
    '<!doctype html><html lang="nl"><head><meta charset="utf-8">',
    `<title>${escapeXml(`${d.title} — ${fmtQuarter(d.quarter)}`)}</title><style>${CSS}</style></head><body>`,
    syn ? `<div class="running">${SYNTHETIC}</div>` : '',
    '<div class="cover">',
    `<h1>${escapeXml(d.title)}</h1>`,
    `<p style="font-size:16pt">${escapeXml(fmtQuarter(d.quarter))} (${fmtDate(d.period.from)} t/m ${fmtDate(d.period.until)})</p>`,
    syn
      ? `<p class="synthetic">${SYNTHETIC}. Dit rapport toont de werking van het product, geen werkelijke voortgang.</p>`
      : '',
    '<dl>',
    `<dt>Programma</dt><dd>Nationaal Programma Roosendaal — verduurzaming Kalsdonk en Westrand (Volkshuisvestingsfonds)</dd>`,
    `<dt>Dataset</dt><dd>${escapeXml(d.dataset.name)} (peildatum ${fmtDate(d.dataset.dataDate)})</dd>`,
    ...d.dataDates.map((x) => `<dt>${escapeXml(x.label)}</dt><dd>${escapeXml(fmtDate(x.date))}</dd>`),
    `<dt>Gemaakt op</dt><dd>${escapeXml(amsterdam(d.generatedAt))} (Europe/Amsterdam)</dd>`,
    '</dl></div>',
    '<section class="summary"><h2>Samenvatting</h2>',
    `<ul>${d.summary.map((s) => `<li>${escapeXml(s)}</li>`).join('')}</ul>`,
    d.warnings.length
      ? `<h3>Let op</h3><ul>${d.warnings.map((w) => `<li class="warning">${escapeXml(w)}</li>`).join('')}</ul>`
      : '',
    '</section>',
  ];
  for (const s of d.sections) {
    parts.push(`<section id="${escapeXml(s.id)}"><h2>${escapeXml(s.heading)}</h2>`);
    for (const p of s.paragraphs) parts.push(`<p>${escapeXml(p)}</p>`);
    for (const c of s.charts)
      parts.push(
        `<figure>${c.svg}<figcaption>Cijfers: werkblad “${escapeXml(c.sheet)}” van de XLSX-versie.</figcaption></figure>`,
      );
    for (const t of s.tables) parts.push(tableHtml(t));
    parts.push('</section>');
  }
  parts.push(
    '<section><h2>Aannamen en bronnen</h2>',
    `<ul>${d.assumptions.map((a) => `<li>${escapeXml(a)}</li>`).join('')}</ul>`,
    '</section></body></html>',
  );
  return parts.join('\n');
}
