/**
 * Turns a drawing (blocks + interventions with their parameters) into a scenario file: the base scenario (the
 * baseline, so the comparison differs only by what was drawn) with one intervention per selection, restricted to
 * the selected blocks (`blocks:`), counts derived from the shares. Area-bound interventions must stay inside one
 * programme area. The result is checked by the scenario schema and compiler like any file.
 */
import { ENERGY_LABELS } from '../dwelling.ts';
import type { DwellingColumns } from '../dwelling-table.ts';
import type { Intervention, ScenarioInput } from '../housing/scenario-schema.ts';
import { fail, ok, type Issue, type Result } from '../result.ts';
import type { DrawAssignment, DrawDraft, DrawKind } from './draw-draft.ts';
import type { DrawIssueCode } from './draw-issue-codes.ts';
import { DRAW_PERMISSIONS } from './draw-roles.ts';

/** The dwellings the drawing is made on: the dwelling table's columns plus each dwelling's block. */
export type DrawStock = Pick<
  DwellingColumns,
  'count' | 'buurtCodes' | 'buurt' | 'type' | 'ownership' | 'label' | 'oppervlakte'
> & {
  /** Block (or complex) id per dwelling. */
  blockOf: readonly (string | null)[];
};

/** OWNERSHIP_CATEGORIES indexes. */
const CORPORATION = 1,
  PRIVATE_RENT = 2;
/** Split only dwellings of at least this floor area (the scenario format's default, m²). */
const SPLIT_MIN_M2 = 90;
/** A drawn intervention of these kinds stays inside one programme area: its agreements and targets are per area. */
const AREA_BOUND: ReadonlySet<DrawKind> = new Set([
  'sale',
  'liberalisation',
  'demolition',
  'acquisition',
  'split',
  'merge',
]);

export interface DrawnIntervention {
  /** Index of the selection (assignment) it comes from. */
  assignment: number;
  id: string;
  kind: Intervention['kind'];
  /** Dwellings (new-build: built) the scenario file asks for. */
  count: number;
  /** The one buurt a new-build lies in. */
  buurtcode?: string;
  /** Dwellings of the selection / those that qualify for the intervention. */
  selected: number;
  qualifying: number;
  /** The dwellings the intervention takes (stock indexes, ascending): the summary's expected change. */
  taken: number[];
}

export interface DrawnScenario {
  scenario: ScenarioInput;
  /** For each drawn intervention (in the order of `scenario.interventions` after the base's own). */
  drawn: DrawnIntervention[];
  /** Index of the first drawn intervention in `scenario.interventions`. */
  firstDrawn: number;
}

export interface DrawOptions {
  role: string;
  programmeAreas: Readonly<Record<string, readonly string[]>>;
}

/** Stock indexes per block id. */
export function membersByBlock(stock: DrawStock): Map<string, number[]> {
  const out = new Map<string, number[]>();
  stock.blockOf.forEach((b, i) => {
    if (b === null) return;
    const list = out.get(b);
    if (list) list.push(i);
    else out.set(b, [i]);
  });
  return out;
}

/** Which dwellings of a selection an intervention can act on. */
function qualifies(stock: DrawStock, a: DrawAssignment, i: number): boolean {
  const iv = a.intervention;
  const own = stock.ownership[i]!;
  switch (iv.kind) {
    case 'sale':
    case 'liberalisation':
    case 'demolition':
    case 'merge':
      return own === CORPORATION;
    case 'split':
      return own === CORPORATION && stock.oppervlakte[i]! >= SPLIT_MIN_M2;
    case 'acquisition':
      return own === PRIVATE_RENT;
    case 'retrofit':
      return stock.label[i]! > ENERGY_LABELS.indexOf(iv.toLabel);
  }
}

function areaOf(buurten: readonly string[], programmeAreas: DrawOptions['programmeAreas']): { area: string } | null {
  if (buurten.length === 1) return { area: buurten[0]! };
  for (const [name, codes] of Object.entries(programmeAreas))
    if (buurten.every((b) => codes.includes(b))) return { area: name };
  return null;
}

interface Placement {
  id: string;
  area: string;
  blocks: string[];
  /** Where a rebuild goes: the buurt holding most of the selection, with the selected blocks inside it. */
  site: { buurtcode: string; blocks: string[] };
}

function toIntervention(a: DrawAssignment, p: Placement, count: number): Intervention[] {
  const { id, area, blocks } = p;
  const iv = a.intervention;
  const common = { id, area, blocks, ...(a.description ? { description: a.description } : {}) };
  const window = { ...(iv.kind !== 'demolition' && 'from' in iv && iv.from !== undefined ? { from: iv.from } : {}) };
  switch (iv.kind) {
    case 'sale':
      return [{ kind: 'sale', ...common, count, ...window, by: iv.by, mode: iv.mode }];
    case 'liberalisation':
      return [{ kind: 'liberalisation', ...common, count, ...window, by: iv.by }];
    case 'acquisition':
      return [
        { kind: 'acquisition', ...common, count, fromTenure: 'particuliere-huur', then: iv.then, ...window, by: iv.by },
      ];
    case 'retrofit':
      return [{ kind: 'retrofit', ...common, count, toLabel: iv.toLabel, ...window, by: iv.by }];
    case 'split':
      return [
        { kind: 'split', ...common, count, tenures: ['sociale-huur'], minOppervlakte: SPLIT_MIN_M2, year: iv.year },
      ];
    case 'merge':
      return [{ kind: 'merge', ...common, count, tenures: ['sociale-huur'], year: iv.year }];
    case 'demolition': {
      const out: Intervention[] = [{ kind: 'demolition', ...common, count, tenures: ['sociale-huur'], year: iv.year }];
      if (iv.rebuild)
        out.push({
          kind: 'new-build',
          id: `${id}-nieuwbouw`,
          area: p.site.buurtcode,
          ...(p.site.blocks.length > 0 ? { blocks: p.site.blocks } : {}),
          year: iv.rebuild.year,
          dwellings: iv.rebuild.dwellings.map((d) => ({ ...d, label: d.label ?? 'A+++' })),
        });
      return out;
    }
  }
}

/** The buurt with most selected dwellings (first in code order on a tie) and the selected blocks wholly inside it. */
function siteOf(stock: DrawStock, members: Map<string, number[]>, blocks: string[], selected: number[]) {
  const n = new Map<string, number>();
  for (const i of selected) {
    const c = stock.buurtCodes[stock.buurt[i]!]!;
    n.set(c, (n.get(c) ?? 0) + 1);
  }
  const buurtcode = [...n].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0]![0];
  const inside = blocks.filter((b) => members.get(b)!.every((i) => stock.buurtCodes[stock.buurt[i]!] === buurtcode));
  return { buurtcode, blocks: inside };
}

/** How many of the qualifying dwellings a drawn intervention takes. */
function countOf(a: DrawAssignment, qualifying: number): number {
  const iv = a.intervention;
  if (iv.kind === 'demolition') return qualifying;
  if (iv.kind === 'merge') return Math.floor((qualifying * iv.share) / 2);
  return Math.round(qualifying * iv.share);
}

/**
 * The scenario of a drawing on top of `base` (its interventions kept, name and description replaced). Issues name
 * the drawing's field: `assignments[k].blocks[j]` for an unknown or forbidden block, `assignments[k].intervention`
 * for a forbidden kind or a selection across programme areas.
 */
export function drawScenario(
  draft: DrawDraft,
  base: ScenarioInput,
  stock: DrawStock,
  o: DrawOptions,
): Result<DrawnScenario, DrawIssueCode> {
  const issues: Issue<DrawIssueCode>[] = [];
  const members = membersByBlock(stock);
  const permission = DRAW_PERMISSIONS[o.role];
  const interventions: Intervention[] = [...((base.interventions ?? []) as Intervention[])];
  const firstDrawn = interventions.length;
  const drawn: DrawnIntervention[] = [];
  const extraAreas: Record<string, string[]> = {};
  draft.assignments.forEach((a, k) => {
    const path = ['assignments', k];
    const kind = a.intervention.kind;
    if (!permission || !permission.kinds.includes(kind)) {
      issues.push({
        code: 'draw.kind.forbidden',
        message: `role ${o.role} may not plan ${kind}${permission ? `; allowed: ${permission.kinds.join(', ')}` : ''}`,
        path: [...path, 'intervention', 'kind'],
      });
      return;
    }
    const selected: number[] = [];
    const blocks = [...new Set(a.blocks)];
    let bad = false;
    blocks.forEach((b) => {
      const j = a.blocks.indexOf(b);
      const list = members.get(b);
      if (!list) {
        bad = true;
        issues.push({
          code: 'draw.block.unknown',
          message: `block or complex "${b}" is not in the dataset`,
          path: [...path, 'blocks', j],
        });
        return;
      }
      if (permission.blocks === 'corporation' && !list.some((i) => stock.ownership[i] === CORPORATION)) {
        bad = true;
        issues.push({
          code: 'draw.block.forbidden',
          message: `role ${o.role} may only change blocks with corporation dwellings; "${b}" has none`,
          path: [...path, 'blocks', j],
        });
        return;
      }
      selected.push(...list);
    });
    if (bad) return;
    selected.sort((x, y) => x - y);
    const buurten = [...new Set(selected.map((i) => stock.buurtCodes[stock.buurt[i]!]!))].sort();
    const area = areaOf(buurten, o.programmeAreas);
    if (!area && AREA_BOUND.has(kind)) {
      issues.push({
        code: 'draw.selection.across-areas',
        message: `${kind} is planned per programme area, but the selection spans buurten ${buurten.join(', ')} in more than one`,
        path: [...path, 'blocks'],
      });
      return;
    }
    const taking = selected.filter((i) => qualifies(stock, a, i));
    const count = countOf(a, taking.length);
    if (count < 1) {
      issues.push({
        code: 'draw.selection.none-qualify',
        message: `the selection has ${taking.length} dwellings that qualify for ${kind}; the share gives none`,
        path: [...path, 'intervention', kind === 'demolition' ? 'kind' : 'share'],
      });
      return;
    }
    const id = `tekening-${k + 1}-${kind}`;
    const scenarioArea = area?.area ?? `tekening-${k + 1}`;
    const site = siteOf(stock, members, blocks, selected);
    const made = toIntervention(a, { id, area: scenarioArea, blocks, site }, count);
    interventions.push(...made);
    made.forEach((iv) =>
      drawn.push(
        iv.kind === 'new-build'
          ? {
              assignment: k,
              id: iv.id!,
              kind: iv.kind,
              count: iv.dwellings.reduce((n, d) => n + d.count, 0),
              buurtcode: site.buurtcode,
              selected: selected.length,
              qualifying: 0,
              taken: [],
            }
          : {
              assignment: k,
              id: iv.id!,
              kind: iv.kind,
              count,
              selected: selected.length,
              qualifying: taking.length,
              taken: taking.slice(0, kind === 'merge' ? count * 2 : count),
            },
      ),
    );
    if (!area) extraAreas[scenarioArea] = buurten;
  });
  if (issues.length > 0) return fail(...issues);
  const areas = { ...(base.areas ?? {}), ...extraAreas };
  const scenario: ScenarioInput = {
    ...base,
    name: draft.name,
    description:
      draft.description ?? `Getekend op de kaart: ${draft.assignments.length} selectie(s) op de basis "${base.name}".`,
    ...(Object.keys(areas).length > 0 ? { areas } : {}),
    interventions,
  };
  return ok({ scenario, drawn, firstDrawn });
}
