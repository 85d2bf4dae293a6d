/**
 * Checks a scenario against the stock and compiles it for the simulation. Every problem is a coded
 * issue with the JSON path of the offending field: unknown area, a year outside the horizon, more
 * dwellings than exist — never a silent clamp.
 */
import { ENERGY_LABELS } from '../dwelling.ts';
import type { Result } from '../result.ts';
import { GROUND_BOUND_BY_TYPE, TENURES, TENURE_OF_OWNERSHIP, T_SOCIAL, typeMask } from './codes.ts';
import {
  checkYear,
  exceeds,
  schedule,
  typesText,
  yearWindow,
  type CompileContext,
  type Ctx,
} from './compile-checks.ts';
import { compileFixed, type FixedIntervention } from './compile-planned.ts';
import type { CompiledScenario, CompiledTarget, FixedEvent, QuotaEvent } from './compiled.ts';
import { METRIC_IDS, type MetricId } from './metrics.ts';
import { resolveParams } from './params.ts';
import { residentIncomeOdds } from './resident-income.ts';
import { resolveBuurtParameters } from '../buurt-parameters/resolve.ts';
import { buildAreaIndex, resolveArea } from './scenario-areas.ts';
import type { Intervention, Scenario } from './scenario-schema.ts';
import type { ScenarioIssue } from './scenario-yaml.ts';
import type { ScenarioIssueCode } from './scenario-issue-codes.ts';
import { candidates } from './select-dwellings.ts';
import { blockFilter, blockIndex } from './block-selection.ts';
import { MAX_HORIZON_YEARS } from './scenario-schema.ts';
import { housingRules } from './housing-rules.ts';
import { incomeEdges } from './income-edges.ts';
import { rentYears, startRents } from './rents.ts';
import { LABEL_AGREEMENT_ID, labelAgreementEvent } from './label-agreement.ts';
import { SHIPPED_RULES } from '../rules/shipped-rules.ts';

/** The designation-needing instrument an inflow cap on low incomes is (config/rules/municipal-instruments.json). */
const INFLOW_CAP = 'low-income-inflow-cap';

export type { CompileContext } from './compile-checks.ts';

/** Sale, liberalisation and acquisition: counted against the stock per buurt × type cell, in file order. */
function compileQuota(
  c: Ctx,
  iv: Intervention & { kind: QuotaEvent['kind'] },
  k: number,
  id: string,
  ledger: Map<number, Int32Array>,
): QuotaEvent | undefined {
  const path = ['interventions', k];
  const unit = resolveArea(c.areas, iv.area, [...path, 'area'], c.issues, c.programmeAreas);
  const w = yearWindow(c, iv, path);
  if (!unit || !w) return undefined;
  const inBlocks = blockFilter(c, iv.blocks, unit, path);
  if (inBlocks === undefined) return undefined;
  const fromTenure = iv.kind === 'acquisition' ? TENURES.indexOf(iv.fromTenure) : T_SOCIAL;
  const list = candidates(
    c.stock,
    {
      buurten: unit.buurten,
      typeMask: typeMask(iv.dwellingTypes),
      tenureMask: 1 << fromTenure,
      reserved: c.reserved,
    },
    inBlocks ?? undefined,
  );
  let cells = ledger.get(fromTenure);
  if (!cells) {
    cells = new Int32Array(c.stock.buurtCodes.length * 8);
    for (let i = 0; i < c.stock.count; i++)
      if (!c.reserved[i] && TENURE_OF_OWNERSHIP[c.stock.ownership[i]!] === fromTenure)
        cells[c.stock.buurt[i]! * 8 + c.stock.type[i]!]!++;
    ledger.set(fromTenure, cells);
  }
  const mask = typeMask(iv.dwellingTypes);
  // Restricted to blocks, a cell offers at most the selected dwellings in it.
  const inSelection = inBlocks ? new Int32Array(cells.length) : null;
  if (inSelection) for (const i of list) inSelection[c.stock.buurt[i]! * 8 + c.stock.type[i]!]!++;
  const offer = (cell: number): number => Math.min(cells[cell]!, inSelection ? inSelection[cell]! : Infinity);
  let available = 0;
  for (const b of unit.buurten) for (let t = 0; t < 8; t++) if ((mask >> t) & 1) available += offer(b * 8 + t);
  const verb = { sale: 'sells', liberalisation: 'liberalises', acquisition: 'acquires' }[iv.kind];
  if (iv.count > available) {
    const taken = list.length - available;
    const what = `${TENURES[fromTenure]} dwellings${typesText(iv.dwellingTypes)}${iv.blocks ? ` in blocks ${iv.blocks.join(', ')}` : ''}${taken > 0 ? ` (${taken} already claimed by earlier interventions)` : ''}`;
    return (exceeds(c, path, verb, iv.count, what, available, unit), undefined);
  }
  let left = iv.count;
  for (const b of unit.buurten)
    for (let t = 0; t < 8 && left > 0; t++) {
      if (!((mask >> t) & 1)) continue;
      const take = Math.min(left, offer(b * 8 + t));
      cells[b * 8 + t]! -= take;
      left -= take;
    }
  return {
    kind: iv.kind,
    id,
    due: schedule(c, iv.count, w.from, w.by),
    candidates: Int32Array.from(list),
    mode: iv.kind === 'sale' ? iv.mode : iv.kind === 'acquisition' ? 'occupied' : 'on-turnover',
    fromTenure,
    thenTenure: iv.kind === 'acquisition' ? TENURES.indexOf(iv.then) : iv.kind === 'sale' ? 0 : 2,
  };
}

/** The name of a target without an `id`: metric-area-year in lower case. */
export function defaultTargetId(t: { metric: string; area: string; year: number }): string {
  return `${t.metric}-${t.area}-${t.year}`.toLowerCase().replace(/[^a-z0-9-]+/g, '-');
}

function compileTarget(c: Ctx, t: Scenario['targets'][number], k: number): CompiledTarget | undefined {
  const path = ['targets', k];
  const unitIndex = c.areas.byId.get(t.area);
  if (unitIndex === undefined) resolveArea(c.areas, t.area, [...path, 'area'], c.issues, c.programmeAreas);
  const yi = checkYear(c, t.year, [...path, 'year'], true);
  const bound = t.min !== undefined ? 'min' : 'max';
  const raw = (t.min ?? t.max)!;
  let threshold: number;
  if (typeof raw === 'string') {
    if (t.metric !== 'average-label') {
      c.issues.push({
        code: 'scenario.target.label-threshold',
        message: `a label threshold ("${raw}") only fits metric average-label`,
        path: [...path, bound],
      });
      return undefined;
    }
    threshold = ENERGY_LABELS.indexOf(raw);
  } else threshold = raw;
  if (unitIndex === undefined || yi === undefined) return undefined;
  return {
    id: t.id ?? defaultTargetId(t),
    description: t.description ?? '',
    metric: t.metric,
    metricIndex: METRIC_IDS.indexOf(t.metric as MetricId),
    area: t.area,
    unitIndex,
    year: t.year,
    yearIndex: yi,
    bound,
    threshold,
    thresholdText: String(raw),
    probability: t.probability,
  };
}

const KEY_ORDER = ['horizon', 'areas', 'allocation', 'parameters', 'interventions', 'targets'];

/** Issues in file order (top-level keys in schema order, then indexes ascending). */
function byPath(a: ScenarioIssue, b: ScenarioIssue): number {
  for (let k = 0; k < Math.min(a.path.length, b.path.length); k++) {
    const x = a.path[k]!,
      y = b.path[k]!;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    const ix = k === 0 ? KEY_ORDER.indexOf(String(x)) : -1,
      iy = k === 0 ? KEY_ORDER.indexOf(String(y)) : -1;
    return ix !== iy ? ix - iy : String(x) < String(y) ? -1 : 1;
  }
  return a.path.length - b.path.length;
}

/** Compiles a validated scenario for a stock; issues carry JSON paths (map them to file positions with `locate`). */
export function compileScenario(s: Scenario, ctx: CompileContext): Result<CompiledScenario, ScenarioIssueCode> {
  const issues: ScenarioIssue[] = [],
    warnings: ScenarioIssue[] = [];
  const { start, end } = s.horizon;
  if (end <= start || end - start > MAX_HORIZON_YEARS) {
    return {
      ok: false,
      issues: [
        {
          code: 'scenario.horizon.invalid',
          message: `horizon end ${end} must be after start ${start} and at most ${MAX_HORIZON_YEARS} years later`,
          path: ['horizon', 'end'],
        },
      ],
    };
  }
  const stock = ctx.stock;
  const areas = buildAreaIndex(stock, ctx.programmeAreas, s.areas, ctx.buurtNames ?? {}, issues);
  const years = Array.from({ length: end - start + 1 }, (_, i) => start + i);
  const c: Ctx = {
    s,
    stock,
    areas,
    years,
    issues,
    warnings,
    reserved: new Uint8Array(stock.count),
    programmeAreas: ctx.programmeAreas,
    blocks: blockIndex(ctx.blockOf),
  };
  const ids = s.interventions.map((iv, k) => iv.id ?? `${iv.kind}-${k + 1}`);
  ids.forEach((id, k) => {
    if (ids.indexOf(id) !== k)
      issues.push({
        code: 'scenario.id.duplicate',
        message: `intervention id "${id}" is used twice`,
        path: ['interventions', k, 'id'],
      });
  });
  // Planned dwellings are fixed first (demolition, merging, splitting claim theirs), then quotas count what is left.
  const order: FixedEvent['kind'][] = ['demolition', 'merge', 'split', 'retrofit', 'new-build'];
  const fixedEvents: FixedEvent[] = [];
  for (const kind of order) {
    s.interventions.forEach((iv, k) => {
      if (iv.kind !== kind) return;
      const e = compileFixed(c, iv as FixedIntervention, k, ids[k]!, ctx);
      if (e) fixedEvents.push(e);
    });
  }
  const quotaEvents: QuotaEvent[] = [];
  const ledger = new Map<number, Int32Array>();
  s.interventions.forEach((iv, k) => {
    if (iv.kind !== 'sale' && iv.kind !== 'liberalisation' && iv.kind !== 'acquisition') return;
    const e = compileQuota(c, iv, k, ids[k]!, ledger);
    if (e) quotaEvents.push(e);
  });
  const nBuurten = stock.buurtCodes.length;
  const quota = new Float64Array(years.length * nBuurten).fill(Number.NaN);
  s.allocation.inflowSteering.forEach((q, k) => {
    const path = ['allocation', 'inflowSteering', k];
    const unit = resolveArea(areas, q.area, [...path, 'area'], issues, ctx.programmeAreas);
    const from = q.from ?? start + 1,
      to = q.to ?? end;
    const ok =
      (q.from === undefined || checkYear(c, q.from, [...path, 'from']) !== undefined) &&
      (q.to === undefined || checkYear(c, q.to, [...path, 'to']) !== undefined);
    if (!unit || !ok) return;
    years.forEach((y, yi) => {
      if (y >= from && y <= to) for (const b of unit.buurten) quota[yi * nBuurten + b] = q.maxLowIncomeShare;
    });
  });
  const targets = s.targets.map((t, k) => compileTarget(c, t, k)).filter((t): t is CompiledTarget => t !== undefined);
  // Rules of every scenario year; an inflow cap on low incomes needs a Rotterdamwet designation (docs/domain.md §4).
  const rules = housingRules(ctx.rules ?? SHIPPED_RULES, years, {
    [INFLOW_CAP]: s.allocation.inflowSteering.map((_, k) => `allocation.inflowSteering.${k}`),
  });
  if (!rules.ok)
    for (const i of rules.issues) issues.push({ code: i.code, message: i.message, path: ['horizon', 'start'] });
  if (issues.length > 0 || !rules.ok) return { ok: false, issues: issues.sort(byPath) };
  for (const d of rules.value.designations)
    if (!d.designated)
      d.usedAt.forEach((at) =>
        warnings.push({
          code: 'scenario.designation.needed',
          message: `${at}: ${d.instrument} needs "${d.requires}" (${d.law}), which the rules (${d.version}) say is not held; the result assumes the instrument can be used`,
          path: at.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
        }),
      );
  // A what-if below the legal passend-toewijzen share is allowed, but said (housing.passend.share).
  if (s.allocation.passendToewijzen < rules.value.passendShare)
    warnings.push({
      code: 'scenario.passend.below-rule',
      message: `allocation.passendToewijzen ${s.allocation.passendToewijzen} is below the share the rules require (${rules.value.passendShare}); the result describes allocation outside the law`,
      path: ['allocation', 'passendToewijzen'],
    });
  const agreement = rules.value.labelAgreement;
  if (agreement) fixedEvents.push(labelAgreementEvent(stock, years, agreement));

  const params = resolveParams(s.parameters);
  const capacity =
    stock.count +
    fixedEvents.reduce(
      (n, e) => n + (e.kind === 'split' ? e.dwellings.length : e.build.reduce((m, b) => m + b.count, 0)),
      0,
    );
  const label55 = new Uint8Array(stock.count);
  for (let i = 0; i < stock.count; i++) {
    const ground = GROUND_BOUND_BY_TYPE[stock.type[i]!]!;
    // Deterministic spread of the 55+ label over ground-floor corporation apartments (Knuth multiplicative hash).
    const u = (Math.imul(i + 1, 2654435761) >>> 0) / 4294967296;
    if (
      TENURE_OF_OWNERSHIP[stock.ownership[i]!] === T_SOCIAL &&
      !ground &&
      stock.floorLevel[i] === 0 &&
      u < s.allocation.label55Plus
    )
      label55[i] = 1;
  }
  // Rents and income bands follow the year's rules: caps, ceiling and rent increases, income limits (docs/domain.md §4).
  const rentYearTable = rentYears(rules.value.limits, rules.value.rents.baseYear);
  const rent = startRents(stock, rules.value, rentYearTable);
  const shipped = resolveBuurtParameters(stock.buurtCodes).byCode;
  const residentIncome = residentIncomeOdds(
    stock,
    label55,
    params,
    Float64Array.from(stock.buurtCodes, (c) => ctx.lowIncomeShare?.[c] ?? shipped.get(c)!.lowIncomeShare),
  );
  const saleOf = new Uint8Array(capacity),
    liberalisationOf = new Uint8Array(capacity);
  quotaEvents.forEach((e, q) => {
    const into = e.kind === 'sale' ? saleOf : e.kind === 'liberalisation' ? liberalisationOf : null;
    if (into) for (const i of e.candidates) if (!into[i]) into[i] = q + 1;
  });
  for (const e of fixedEvents) {
    if (e.kind !== 'new-build') continue;
    for (const b of e.build) if (b.oppervlakte === 0) b.oppervlakte = params.newBuildAreaM2[b.type]!;
  }
  return {
    ok: true,
    warnings,
    value: {
      name: s.name,
      description: s.description,
      seed: s.seed,
      runs: ctx.runs ?? s.runs,
      years,
      units: areas.units,
      nBuurten,
      params,
      capacity,
      passendToewijzen: s.allocation.passendToewijzen,
      urgentShare: s.allocation.urgentShare,
      label55,
      rent,
      rentYears: rentYearTable,
      incomeEdges: incomeEdges(rules.value.limits, params),
      daebFreeShare: Float64Array.from(rules.value.limits, (l) => l.daebFreeShare),
      residentIncome,
      quota,
      saleOf,
      liberalisationOf,
      quotaEvents,
      fixedEvents,
      targets,
      interventions: [
        ...s.interventions.map((iv, k) => ({
          id: ids[k]!,
          kind: iv.kind,
          description: iv.description ?? '',
        })),
        ...(agreement
          ? [
              {
                id: LABEL_AGREEMENT_ID,
                kind: 'label-agreement',
                description: `Prestatieafspraken corporaties: labels ${agreement.removeLabels.join('/')} weg uiterlijk ${agreement.byYear} (${agreement.version})`,
              },
            ]
          : []),
      ],
      rules: rules.value,
    },
  };
}
