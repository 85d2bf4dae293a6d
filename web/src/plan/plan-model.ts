/**
 * The plan panel's data as the panel shows it: season colours, the timeline's rows, totals against the budget in
 * Dutch, and the status moves a dwelling allows. The shapes are the plan routes' (engine/planner/saved-plan.ts),
 * which the server answers with and plan-client.ts parses with.
 */
import type { PlanDetail, PlanList, PlanSummary } from '../../../engine/planner/saved-plan.ts';
import { MEASURE_NL, type MeasureId } from '../../../engine/retrofit/measure-ids.ts';
import { STATUS_LABELS, STATUS_TRANSITIONS, type DwellingStatus } from '../../../engine/planner/plan-status.ts';
import { BINDING_NL, solverNl } from '../../../engine/planner/plan-nl.ts';
import { formatCount, formatDate } from '../format.ts';

/** The plan routes' answers: one declaration, shared with the server (engine/planner/saved-plan.ts). */
export type { PlanDetail, PlanList, PlanSummary };
export type PlanBatch = PlanDetail['plan']['batches'][number];

const euro = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
const percent = new Intl.NumberFormat('nl-NL', {
  style: 'percent',
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});
const gapPercent = new Intl.NumberFormat('nl-NL', {
  style: 'percent',
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const compactEuro = new Intl.NumberFormat('nl-NL', {
  style: 'currency',
  currency: 'EUR',
  notation: 'compact',
  maximumFractionDigits: 1,
});

export const formatEuro = (x: number): string => euro.format(x);
export const formatCompactEuro = (x: number): string => compactEuro.format(x);

/** "2026-najaar" → "najaar 2026". */
export function seasonLabel(id: string): string {
  const m = /^(\d{4})-(voorjaar|najaar)$/.exec(id);
  return m ? `${m[2]} ${m[1]}` : id;
}

/**
 * A batch named in words from its id (`<season>:<unit>`, engine/planner/units.ts): "rij Ruisdaellaan (bouwjaar
 * 2008), najaar 2032", "VvE VVE-0012, voorjaar 2030", "gebouw (pand 1674…), najaar 2031"; an id of another form
 * is returned as it is.
 */
export function batchName(id: string): string {
  const parts = id.split(':');
  const season = seasonLabel(parts[0] ?? '');
  if (parts[1] === 'rij' && parts.length === 5) return `rij ${parts[3]} (bouwjaar ${parts[4]}), ${season}`;
  if (parts[1] === 'vve' && parts.length >= 3) return `VvE ${parts.slice(2).join(':')}, ${season}`;
  if (parts[1] === 'pand' && parts.length === 3) return `gebouw (pand ${parts[2]}), ${season}`;
  return id;
}

/**
 * One colour per season, in order: a blue → green → yellow ramp (viridis stops), so early seasons read darker
 * and later ones lighter on the map and in the timeline alike.
 */
const RAMP: [number, number, number][] = [
  [68, 1, 84],
  [59, 82, 139],
  [33, 145, 140],
  [94, 201, 98],
  [253, 231, 37],
];
export function seasonColours(seasons: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  const n = seasons.length;
  seasons.forEach((s, i) => {
    const t = n <= 1 ? 0 : i / (n - 1);
    const x = t * (RAMP.length - 1);
    const k = Math.min(RAMP.length - 2, Math.floor(x));
    const f = x - k;
    const c = RAMP[k]!.map((v, j) => Math.round(v + (RAMP[k + 1]![j]! - v) * f));
    out.set(s, `#${c.map((v) => v.toString(16).padStart(2, '0')).join('')}`);
  });
  return out;
}

/** Seasons of a plan that have batches, in time order. */
export function plannedSeasons(d: PlanDetail): string[] {
  const used = new Set(d.plan.batches.map((b) => b.season));
  return d.plan.seasons.map((s) => s.id).filter((s) => used.has(s));
}

export interface TimelineRow {
  season: string;
  label: string;
  dwellings: number;
  costEur: number;
  contributionEur: number;
  colour: string;
}

/** Per planned season: dwellings, cost and programme contribution (the timeline's bars). */
export function timelineRows(d: PlanDetail): TimelineRow[] {
  const colours = seasonColours(plannedSeasons(d));
  return plannedSeasons(d).map((season) => {
    const bs = d.plan.batches.filter((b) => b.season === season);
    return {
      season,
      label: seasonLabel(season),
      colour: colours.get(season)!,
      dwellings: bs.reduce((a, b) => a + b.dwellings.length, 0),
      costEur: bs.reduce((a, b) => a + b.costEur, 0),
      contributionEur: bs.reduce((a, b) => a + b.programmeContributionEur, 0),
    };
  });
}

/** Lines of the totals block: contribution against budget, dwellings, gas, unspent budget and why. */
export function totalsLines(d: PlanDetail): string[] {
  const t = d.plan.totals;
  const budget = d.input.budgetEur;
  const lines = [
    `Programmabijdrage ${formatEuro(t.programmeContributionEur)} van ${formatEuro(budget)} budget (${percent.format(budget > 0 ? t.programmeContributionEur / budget : 0)})`,
    `${formatCount(t.dwellings)} woningen in ${formatCount(t.batches)} batches · totale kosten ${formatEuro(t.costEur)}`,
    `Gasbesparing ${formatCount(Math.round(t.gasSavingM3PerYear))} m³ per jaar · ${formatCount(Math.round(t.energyPoorHouseholds))} energiearme huishoudens bereikt (verwacht)`,
  ];
  if (d.plan.unspent.eur >= 1) {
    const r = d.plan.unspent.reason;
    lines.push(`Niet besteed: ${formatEuro(d.plan.unspent.eur)}${r ? ` — ${BINDING_NL[r.code] ?? r.message}` : ''}`);
  }
  return lines;
}

/** "MIP (HiGHS), doelwaarde 1.234.567, gat 0,31 %, gretig 1.200.000". */
export function solverLine(s: Pick<PlanSummary, 'solver' | 'objective' | 'gap' | 'greedyObjective'>): string {
  const parts = [solverNl(s.solver)];
  if (s.objective !== null) parts.push(`doelwaarde ${formatCount(Math.round(s.objective))}`);
  if (s.gap !== null) parts.push(`MIP-gat ${gapPercent.format(s.gap)}`);
  if (s.greedyObjective !== null && s.solver !== 'greedy')
    parts.push(`gretig ${formatCount(Math.round(s.greedyObjective))}`);
  return parts.join(', ');
}

/** One line per saved plan in the list. */
export function planListLine(p: PlanSummary): string {
  const when = formatDate(p.createdAt.slice(0, 10));
  const version = p.version > 1 ? ` · versie ${p.version}` : '';
  const old = p.supersededBy !== null ? ` · vervangen door plan ${p.supersededBy}` : '';
  return `${p.name} (plan ${p.id}${version}) — ${formatCount(p.dwellings)} woningen, ${when}, ${p.createdBy}${old}`;
}

export const statusLabel = (s: DwellingStatus): string => STATUS_LABELS[s];
/** The statuses a dwelling may move to next (engine/planner/plan-status.ts is the one rule set). */
export const nextStatuses = (s: DwellingStatus): readonly DwellingStatus[] => STATUS_TRANSITIONS[s];

export const measureList = (ids: readonly string[]): string =>
  ids.map((m) => MEASURE_NL[m as MeasureId] ?? m).join(', ');

export interface PlanPoint {
  type: 'Feature';
  id: number;
  properties: { vboId: string; batchId: string; season: string; seasonIndex: number; status: DwellingStatus };
  geometry: { type: 'Point'; coordinates: [number, number] };
}

/** The plan's dwellings as map points with season and status (numeric ids for MapLibre feature state). */
export function planPoints(d: PlanDetail): { type: 'FeatureCollection'; features: PlanPoint[] } {
  const seasons = plannedSeasons(d);
  const status = new Map(d.statuses.map((s) => [s.vboId, s.status]));
  let i = 0;
  const features = d.plan.batches.flatMap((b) =>
    b.dwellings.map((w): PlanPoint => ({
      type: 'Feature',
      id: i++,
      properties: {
        vboId: w.vboId,
        batchId: b.id,
        season: b.season,
        seasonIndex: seasons.indexOf(b.season),
        status: status.get(w.vboId) ?? 'voorgesteld',
      },
      geometry: { type: 'Point', coordinates: w.location },
    })),
  );
  return { type: 'FeatureCollection', features };
}

/** Popup rows of a planned dwelling. */
export function dwellingRows(
  b: PlanBatch,
  w: PlanBatch['dwellings'][number],
  status: DwellingStatus,
): { label: string; value: string }[] {
  return [
    { label: 'Batch', value: `${batchName(b.id)}${b.fixed ? ' (vastgehouden)' : ''}` },
    { label: 'Seizoen', value: seasonLabel(b.season) },
    { label: 'Maatregelen', value: measureList(w.measures) },
    { label: 'Natuurvrij maken vanaf', value: w.natuurvrijVanaf ? formatDate(w.natuurvrijVanaf) : 'niet nodig' },
    { label: 'Isoleren', value: `${formatDate(w.insulationFrom)} t/m ${formatDate(w.insulationUntil)}` },
    { label: 'Kosten', value: formatEuro(w.costEur) },
    { label: 'Programmabijdrage', value: formatEuro(w.programmeContributionEur) },
    { label: 'Gasbesparing', value: `${formatCount(Math.round(w.gasSavingM3PerYear))} m³ per jaar` },
    { label: 'Status', value: statusLabel(status) },
  ];
}

/** Export links of a plan; the server audits each download. */
export const PLAN_EXPORTS = [
  { format: 'csv', label: 'CSV (Excel)' },
  { format: 'xlsx', label: 'Excel (.xlsx)' },
  { format: 'geojson', label: 'GeoJSON (GIS)' },
  { format: 'meldingen-csv', label: 'Meldingen per aannemer en week (CSV)' },
  { format: 'meldingen-xlsx', label: 'Meldingen per aannemer en week (Excel)' },
] as const;
export const planExportHref = (id: number, format: string): string =>
  `/api/plans/${id}/export?${new URLSearchParams({ format })}`;

/**
 * The planner input the create form sends: the window until the end date; it starts at the server's run date, as
 * `voorraad plan` starts at the CLI's, so both give the same plan for the same inputs.
 */
export function createInput(f: {
  budgetEur: number;
  until: string;
  solver: 'mip' | 'greedy';
  dwellingsPerSeason: number;
}): Record<string, unknown> {
  return {
    budgetEur: f.budgetEur,
    window: { until: f.until },
    capacity: { perSeason: { dwellings: f.dwellingsPerSeason } },
    solver: f.solver,
  };
}

/** Reads a Dutch amount ("8.400.000", "€ 8.400.000,00", "8400000") as euro; null when it is not one. */
export function parseEuro(text: string): number | null {
  const t = text.replace(/[€\s]/g, '');
  if (!/^\d{1,3}(\.\d{3})*(,\d{1,2})?$|^\d+(,\d{1,2})?$/.test(t)) return null;
  return Number(t.replace(/\./g, '').replace(',', '.'));
}
