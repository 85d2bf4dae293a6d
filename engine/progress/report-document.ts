import type { ExportTable } from '../acquisition/export-table.ts';

/**
 * The quarterly progress report as a document, before any format: sections with Dutch text, charts (SVG, from
 * svg-chart.ts) and the tables behind them. The HTML renderer prints every section; the XLSX writer puts every
 * table on its own sheet, so the spreadsheet holds the figures behind every chart.
 */
export interface ReportTable extends ExportTable {
  /** Sheet name (≤ 31 characters, none of \ / ? * [ ] :). */
  sheet: string;
  title: string;
  /** How the printed table shows a number column (the spreadsheet keeps the plain number). */
  formats?: Record<string, 'share' | 'eur'>;
}

export interface ReportSection {
  id: string;
  heading: string;
  paragraphs: string[];
  /** SVG drawings shown in the section, each with the sheet of its figures. */
  charts: { svg: string; sheet: string }[];
  tables: ReportTable[];
  /** Tables only in the spreadsheet (long series behind a chart), not printed. */
  sheetOnly?: ReportTable[];
}

export interface ReportDocument {
  title: string;
  quarter: string;
  /** The period the report covers, ISO dates. */
  period: { from: string; until: string };
  /** ISO timestamp of generation (injected; the engine has no clock). */
  generatedAt: string;
  dataset: { name: string; dataDate: string; synthetic: boolean };
  /** Dates of the records the figures rest on. */
  dataDates: { label: string; date: string }[];
  summary: string[];
  sections: ReportSection[];
  assumptions: string[];
  warnings: string[];
}

/** Every table of the document in reading order (printed ones and those only in the spreadsheet). */
export const documentTables = (d: ReportDocument): ReportTable[] =>
  d.sections.flatMap((s) => [...s.tables, ...(s.sheetOnly ?? [])]);
