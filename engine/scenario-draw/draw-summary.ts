/**
 * The change a drawing makes, summarised at once while drawing: dwellings by tenure and by type in every buurt
 * the selections touch, now and once the drawn interventions are carried out (planned counts; the simulation adds
 * the timing of turnover). Pure and cheap: one pass over the taken dwellings.
 */
import { DWELLING_TYPES } from '../dwelling.ts';
import { TENURES, TENURE_OF_OWNERSHIP, type Tenure } from '../housing/codes.ts';
import type { DrawDraft } from './draw-draft.ts';
import type { DrawStock, DrawnIntervention } from './draw-scenario.ts';

type Counts<K extends string> = Record<K, number>;

export interface BuurtChange {
  buurtcode: string;
  before: { dwellings: number; tenure: Counts<Tenure>; type: Counts<string> };
  after: { dwellings: number; tenure: Counts<Tenure>; type: Counts<string> };
  /** Dwellings raised to a better label. */
  retrofitted: number;
}

export interface DrawSummary {
  buurten: BuurtChange[];
  interventions: {
    id: string;
    assignment: number;
    kind: string;
    selected: number;
    qualifying: number;
    count: number;
  }[];
}

const zero = <K extends string>(keys: readonly K[]): Counts<K> =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Counts<K>;

const AFTER_TENURE: Partial<Record<string, Tenure>> = {
  sale: 'koop',
  liberalisation: 'middenhuur-corporatie',
};

export function drawSummary(draft: DrawDraft, drawn: readonly DrawnIntervention[], stock: DrawStock): DrawSummary {
  const codes = new Set<string>();
  for (const d of drawn) {
    for (const i of d.taken) codes.add(stock.buurtCodes[stock.buurt[i]!]!);
    if (d.buurtcode) codes.add(d.buurtcode);
  }
  const rows = new Map<string, BuurtChange>();
  for (const code of [...codes].sort())
    rows.set(code, {
      buurtcode: code,
      before: { dwellings: 0, tenure: zero(TENURES), type: zero(DWELLING_TYPES) },
      after: { dwellings: 0, tenure: zero(TENURES), type: zero(DWELLING_TYPES) },
      retrofitted: 0,
    });
  for (let i = 0; i < stock.count; i++) {
    const row = rows.get(stock.buurtCodes[stock.buurt[i]!]!);
    if (!row) continue;
    const tenure = TENURES[TENURE_OF_OWNERSHIP[stock.ownership[i]!]!]!;
    const type = DWELLING_TYPES[stock.type[i]!]!;
    for (const side of [row.before, row.after]) {
      side.dwellings++;
      side.tenure[tenure]++;
      side.type[type]!++;
    }
  }
  const add = (row: BuurtChange, tenure: Tenure, type: string, n: number): void => {
    row.after.dwellings += n;
    row.after.tenure[tenure] += n;
    row.after.type[type] = (row.after.type[type] ?? 0) + n;
  };
  for (const d of drawn) {
    const a = draft.assignments[d.assignment]!;
    const kind = a.intervention.kind;
    if (d.kind === 'new-build' && a.intervention.kind === 'demolition') {
      const row = rows.get(d.buurtcode!)!;
      for (const x of a.intervention.rebuild?.dwellings ?? []) add(row, x.tenure, x.type, x.count);
      continue;
    }
    d.taken.forEach((i, j) => {
      const row = rows.get(stock.buurtCodes[stock.buurt[i]!]!)!;
      const tenure = TENURES[TENURE_OF_OWNERSHIP[stock.ownership[i]!]!]!;
      const type = DWELLING_TYPES[stock.type[i]!]!;
      if (kind === 'retrofit') row.retrofitted++;
      else if (kind === 'demolition') add(row, tenure, type, -1);
      else if (kind === 'split') {
        add(row, tenure, type, -1);
        add(row, tenure, 'overig', 2);
      } else if (kind === 'merge') {
        if (j % 2 === 1) add(row, tenure, type, -1);
      } else if (kind === 'acquisition') {
        add(row, tenure, type, -1);
        add(row, a.intervention.kind === 'acquisition' ? a.intervention.then : 'koop', type, 1);
      } else {
        add(row, tenure, type, -1);
        add(row, AFTER_TENURE[kind]!, type, 1);
      }
    });
  }
  return {
    buurten: [...rows.values()],
    interventions: drawn.map((d) => ({
      id: d.id,
      assignment: d.assignment,
      kind: d.kind,
      selected: d.selected,
      qualifying: d.qualifying,
      count: d.count,
    })),
  };
}
