import type Database from 'better-sqlite3';
import { fail, ok, type Result } from '../../engine/result.ts';
import { AuditLog, type AuditInput } from '../audit/audit-log.ts';
import { openPlanDb } from './plan-db.ts';
import { statementCache, type Prepared } from '../statement-cache.ts';
import {
  PLAN_STATUSES,
  isStarted,
  transitionIssue,
  type DwellingStatus,
  type PlanStoreIssueCode,
} from '../../engine/planner/plan-status.ts';
import type { DwellingState, HistoryEntry, PlanSummary } from '../../engine/planner/saved-plan.ts';

/**
 * Saved batch plans with a status per dwelling, an append-only history and an audit-log entry for every
 * write. Each write — plan + dwellings + history + audit entry — is ONE immediate transaction on
 * the state database, so a crash leaves the old or the new state, never a half-saved plan. The audit entry is
 * inside that transaction when `audit` writes to the same connection (as in `openPlanStore` and `savePlan`).
 */
export type AuditSink = Pick<AuditLog, 'append' | 'flushHead'>;

/** Who makes a change: recorded in the history and in the audit log. */
export interface PlanActor {
  name: string;
  role: string | null;
  via: AuditInput['via'];
  /** Socket address and user agent, or `cli`. */
  origin: string;
}

/** A plan ready to be saved: the planner's input and output plus the facts listed with it. */
export interface NewPlan {
  name: string;
  input: unknown;
  plan: unknown;
  dataset: { name: string; sha256: string; synthetic: boolean };
  solver: string;
  objective: number | null;
  gap: number | null;
  greedyObjective: number | null;
  /** Every planned dwelling with its batch (a dwelling is in one batch). */
  dwellings: readonly { vboId: string; batchId: string }[];
  batches: number;
}

/** A saved plan as the store reads it back; summary, statuses and history are the API's shapes (engine/planner/saved-plan.ts). */
export interface StoredPlan extends PlanSummary {
  input: unknown;
  plan: unknown;
  statuses: DwellingState[];
  /** History of this version and its ancestors, oldest first. */
  history: HistoryEntry[];
}

/** A batch with work under way: kept fixed by a re-plan. */
export interface StartedBatch {
  batchId: string;
  dwellings: DwellingState[];
}

interface PlanRow {
  id: number;
  name: string;
  created_by: string;
  created_role: string | null;
  created_at: string;
  parent_id: number | null;
  root_id: number | null;
  version: number;
  dataset_name: string;
  dataset_sha256: string;
  synthetic: number;
  solver: string;
  objective: number | null;
  gap: number | null;
  greedy_objective: number | null;
  dwellings: number;
  batches: number;
  input_json: string;
  plan_json: string;
  superseded_by: number | null;
}
interface DwellingRow {
  vbo_id: string;
  batch_id: string;
  status: DwellingStatus;
  updated_at: string;
  updated_by: string;
}
interface HistoryRow {
  seq: number;
  plan_id: number;
  vbo_id: string | null;
  at: string;
  actor: string;
  role: string | null;
  action: HistoryEntry['action'];
  from_status: DwellingStatus | null;
  to_status: DwellingStatus | null;
  reason: string;
}

const SUMMARY_COLUMNS = `p.id, p.name, p.created_by, p.created_role, p.created_at, p.parent_id, p.root_id, p.version, p.dataset_name, p.dataset_sha256,
  p.synthetic, p.solver, p.objective, p.gap, p.greedy_objective, p.dwellings, p.batches, (SELECT c.id FROM plans c WHERE c.parent_id = p.id) AS superseded_by`;

/** Longest plan name and reason kept, characters. */
export const MAX_NAME = 120;
export const MAX_REASON = 500;

export class PlanStore {
  private readonly now: () => number;
  /** The read queries of every plan request, prepared once. */
  private readonly sql: Prepared;

  constructor(
    private readonly db: Database.Database,
    private readonly audit: AuditSink,
    now: () => number = Date.now,
  ) {
    this.now = now;
    this.sql = statementCache(db);
  }

  private iso(): string {
    return new Date(this.now()).toISOString();
  }

  /** Saves a new plan (version 1 of its own lineage); every dwelling starts as voorgesteld. */
  create(p: NewPlan, actor: PlanActor, reason = 'nieuw plan'): PlanSummary {
    const id = this.db.transaction(() => this.insert(p, actor, null, reason)).immediate();
    this.audit.flushHead();
    return this.summary(id)!;
  }

  /**
   * Saves a re-plan of `parentId` as its next version, carrying every dwelling's status over. Refused when the
   * parent was re-planned already, when its statuses changed after `seenSeq` (the planner then fixed a stale set
   * of batches), or when a dwelling with work under way is missing from the new plan.
   */
  replan(
    parentId: number,
    seenSeq: number,
    p: NewPlan,
    actor: PlanActor,
    reason: string,
  ): Result<PlanSummary, PlanStoreIssueCode> {
    const r = this.db
      .transaction((): Result<number, PlanStoreIssueCode> => {
        const parent = this.summary(parentId);
        if (!parent) return fail({ code: 'plan.not-found', message: `no plan ${parentId}`, path: ['id'] });
        if (parent.supersededBy !== null)
          return fail({
            code: 'plan.superseded',
            message: `plan ${parentId} was re-planned already as plan ${parent.supersededBy}`,
            path: ['id'],
          });
        if (this.lastSeq(parentId) !== seenSeq)
          return fail({
            code: 'plan.changed',
            message: `plan ${parentId} changed while it was being re-planned; try again`,
            path: ['id'],
          });
        const inNew = new Set(p.dwellings.map((d) => d.vboId));
        const dropped = this.states(parentId).filter((d) => isStarted(d.status) && !inNew.has(d.vboId));
        if (dropped.length) {
          return fail({
            code: 'plan.replan.dropped-started',
            message: `the new plan leaves out ${dropped.length} dwelling(s) with work under way, e.g. ${dropped[0]!.vboId}`,
            path: ['plan'],
          });
        }
        return ok(this.insert(p, actor, parent, reason));
      })
      .immediate();
    this.audit.flushHead();
    return r.ok ? ok(this.summary(r.value)!) : r;
  }

  private insert(p: NewPlan, actor: PlanActor, parent: PlanSummary | null, reason: string): number {
    const at = this.iso();
    const info = this.db
      .prepare(
        `INSERT INTO plans (name, created_by, created_role, created_at, parent_id, root_id, version, dataset_name, dataset_sha256, synthetic,
      solver, objective, gap, greedy_objective, dwellings, batches, input_json, plan_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        p.name.slice(0, MAX_NAME),
        actor.name,
        actor.role,
        at,
        parent?.id ?? null,
        parent?.rootId ?? null,
        parent ? parent.version + 1 : 1,
        p.dataset.name,
        p.dataset.sha256,
        p.dataset.synthetic ? 1 : 0,
        p.solver,
        p.objective,
        p.gap,
        p.greedyObjective,
        p.dwellings.length,
        p.batches,
        JSON.stringify(p.input),
        JSON.stringify(p.plan),
      );
    const id = Number(info.lastInsertRowid);
    const carried = new Map(parent ? this.states(parent.id).map((d) => [d.vboId, d]) : []);
    const put = this.db.prepare(
      'INSERT INTO plan_dwellings (plan_id, vbo_id, batch_id, status, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?)',
    );
    for (const d of p.dwellings) {
      const old = carried.get(d.vboId);
      put.run(id, d.vboId, d.batchId, old?.status ?? 'voorgesteld', old?.updatedAt ?? at, old?.updatedBy ?? actor.name);
    }
    const action = parent ? 'replan' : 'create';
    this.db
      .prepare(
        'INSERT INTO plan_history (plan_id, vbo_id, at, actor, role, action, from_status, to_status, reason) VALUES (?, NULL, ?, ?, ?, ?, NULL, NULL, ?)',
      )
      .run(id, at, actor.name, actor.role, action, reason.slice(0, MAX_REASON));
    this.audit.append({
      actor: actor.name,
      role: actor.role,
      via: actor.via,
      action: parent ? 'plan.replan' : 'plan.create',
      object: `plan:${id}`,
      result: 'ok',
      origin: actor.origin,
      detail: {
        planId: id,
        parentId: parent?.id ?? null,
        dwellings: p.dwellings.length,
        batches: p.batches,
        solver: p.solver,
        dataset: p.dataset.name,
      },
    });
    return id;
  }

  /** Changes one dwelling's status if the transition is allowed (plan-status.ts); history and audit in the same transaction. */
  setStatus(
    planId: number,
    vboId: string,
    to: DwellingStatus,
    reason: string,
    actor: PlanActor,
  ): Result<DwellingState & { from: DwellingStatus }, PlanStoreIssueCode> {
    const r = this.db
      .transaction((): Result<DwellingState & { from: DwellingStatus }, PlanStoreIssueCode> => {
        const plan = this.summary(planId);
        if (!plan) return fail({ code: 'plan.not-found', message: `no plan ${planId}`, path: ['id'] });
        if (plan.supersededBy !== null)
          return fail({
            code: 'plan.superseded',
            message: `plan ${planId} was re-planned as plan ${plan.supersededBy}; change statuses there`,
            path: ['id'],
          });
        const row = this.db
          .prepare(
            'SELECT vbo_id, batch_id, status, updated_at, updated_by FROM plan_dwellings WHERE plan_id = ? AND vbo_id = ?',
          )
          .get(planId, vboId) as DwellingRow | undefined;
        if (!row)
          return fail({
            code: 'plan.dwelling.not-found',
            message: `dwelling ${vboId} is not in plan ${planId}`,
            path: ['vboId'],
          });
        const issue = transitionIssue(row.status, to);
        if (issue) return fail(issue);
        const at = this.iso();
        this.db
          .prepare(
            'UPDATE plan_dwellings SET status = ?, updated_at = ?, updated_by = ? WHERE plan_id = ? AND vbo_id = ?',
          )
          .run(to, at, actor.name, planId, vboId);
        this.db
          .prepare(
            "INSERT INTO plan_history (plan_id, vbo_id, at, actor, role, action, from_status, to_status, reason) VALUES (?, ?, ?, ?, ?, 'status', ?, ?, ?)",
          )
          .run(planId, vboId, at, actor.name, actor.role, row.status, to, reason.slice(0, MAX_REASON));
        this.audit.append({
          actor: actor.name,
          role: actor.role,
          via: actor.via,
          action: 'plan.status',
          object: `plan:${planId}/${vboId}`,
          result: 'ok',
          origin: actor.origin,
          detail: { planId, vboId, from: row.status, to },
        });
        return ok({ vboId, batchId: row.batch_id, status: to, updatedAt: at, updatedBy: actor.name, from: row.status });
      })
      .immediate();
    this.audit.flushHead();
    return r;
  }

  /** Newest first. */
  list(): PlanSummary[] {
    const rows = this.sql(`SELECT ${SUMMARY_COLUMNS} FROM plans p ORDER BY p.id DESC`).all() as PlanRow[];
    const counts = this.statusCounts();
    return rows.map((r) => toSummary(r, counts.get(r.id)));
  }

  summary(id: number): PlanSummary | null {
    const r = this.sql(`SELECT ${SUMMARY_COLUMNS} FROM plans p WHERE p.id = ?`).get(id) as PlanRow | undefined;
    return r ? toSummary(r, this.statusCounts(id).get(id)) : null;
  }

  get(id: number): StoredPlan | null {
    const s = this.summary(id);
    if (!s) return null;
    const r = this.db.prepare('SELECT input_json, plan_json FROM plans WHERE id = ?').get(id) as Pick<
      PlanRow,
      'input_json' | 'plan_json'
    >;
    const lineage = this.lineage(id);
    const history = (
      this.db
        .prepare(`SELECT * FROM plan_history WHERE plan_id IN (${lineage.map(() => '?').join(',')}) ORDER BY seq`)
        .all(...lineage) as HistoryRow[]
    ).map((h) => ({
      seq: h.seq,
      planId: h.plan_id,
      vboId: h.vbo_id,
      at: h.at,
      actor: h.actor,
      role: h.role,
      action: h.action,
      from: h.from_status,
      to: h.to_status,
      reason: h.reason,
    }));
    return {
      ...s,
      input: JSON.parse(r.input_json) as unknown,
      plan: JSON.parse(r.plan_json) as unknown,
      statuses: this.states(id),
      history,
    };
  }

  /** Dwelling statuses of a plan, ordered by batch and BAG id. */
  states(planId: number): DwellingState[] {
    return (
      this.db
        .prepare(
          'SELECT vbo_id, batch_id, status, updated_at, updated_by FROM plan_dwellings WHERE plan_id = ? ORDER BY batch_id, vbo_id',
        )
        .all(planId) as DwellingRow[]
    ).map((d) => ({
      vboId: d.vbo_id,
      batchId: d.batch_id,
      status: d.status,
      updatedAt: d.updated_at,
      updatedBy: d.updated_by,
    }));
  }

  /** Batches in which any dwelling has work under way (plan-status.ts isStarted): kept fixed by a re-plan. */
  startedBatches(planId: number): StartedBatch[] {
    const byBatch = new Map<string, DwellingState[]>();
    for (const d of this.states(planId)) {
      let list = byBatch.get(d.batchId);
      if (!list) byBatch.set(d.batchId, (list = []));
      list.push(d);
    }
    return [...byBatch]
      .filter(([, ds]) => ds.some((d) => isStarted(d.status)))
      .map(([batchId, dwellings]) => ({ batchId, dwellings }));
  }

  /** The newest history sequence number of a plan: a re-plan checks that nothing changed while it ran. */
  lastSeq(planId: number): number {
    return (
      (this.db.prepare('SELECT MAX(seq) FROM plan_history WHERE plan_id = ?').pluck().get(planId) as number | null) ?? 0
    );
  }

  /** This plan and its ancestors, oldest first. */
  private lineage(id: number): number[] {
    const ids: number[] = [];
    for (let cur: number | null = id; cur !== null;) {
      ids.unshift(cur);
      cur =
        (this.db.prepare('SELECT parent_id FROM plans WHERE id = ?').pluck().get(cur) as number | null | undefined) ??
        null;
    }
    return ids;
  }

  private statusCounts(id?: number): Map<number, Record<DwellingStatus, number>> {
    const rows = (
      id === undefined
        ? this.sql('SELECT plan_id, status, COUNT(*) AS n FROM plan_dwellings GROUP BY plan_id, status').all()
        : this.sql(
            'SELECT plan_id, status, COUNT(*) AS n FROM plan_dwellings WHERE plan_id = ? GROUP BY plan_id, status',
          ).all(id)
    ) as { plan_id: number; status: DwellingStatus; n: number }[];
    const out = new Map<number, Record<DwellingStatus, number>>();
    for (const r of rows) {
      let c = out.get(r.plan_id);
      if (!c) out.set(r.plan_id, (c = emptyCounts()));
      c[r.status] = r.n;
    }
    return out;
  }
}

function emptyCounts(): Record<DwellingStatus, number> {
  return Object.fromEntries(PLAN_STATUSES.map((s) => [s, 0])) as Record<DwellingStatus, number>;
}

function toSummary(r: PlanRow, counts: Record<DwellingStatus, number> | undefined): PlanSummary {
  return {
    id: r.id,
    name: r.name,
    createdBy: r.created_by,
    createdAt: r.created_at,
    parentId: r.parent_id,
    rootId: r.root_id ?? r.id,
    version: r.version,
    supersededBy: r.superseded_by,
    dataset: { name: r.dataset_name, sha256: r.dataset_sha256, synthetic: r.synthetic === 1 },
    solver: r.solver,
    objective: r.objective,
    gap: r.gap,
    greedyObjective: r.greedy_objective,
    dwellings: r.dwellings,
    batches: r.batches,
    statusCounts: counts ?? emptyCounts(),
  };
}

/** A store over the state database of `stateDir` (or ':memory:') whose audit entries commit with each write. */
export function openPlanStore(
  stateDir: string,
  now: () => number = Date.now,
): { store: PlanStore; audit: AuditLog; close(): void } {
  const db = openPlanDb(stateDir);
  const audit = new AuditLog(db, now);
  return { store: new PlanStore(db, audit, now), audit, close: () => db.close() };
}

const SCRIPT_ACTOR: PlanActor = { name: 'script', role: null, via: 'cli', origin: 'cli' };

/**
 * Saves one plan into the state database of `stateDir` in a single transaction (plan, dwellings, history and
 * audit entry) and closes it; returns the new plan id. For scripts and the kill -9 fault test: a process killed
 * at any moment leaves the plan wholly saved or not at all (`checkPlanStore` verifies that).
 */
export function savePlan(
  stateDir: string,
  plan: NewPlan,
  actor: PlanActor = SCRIPT_ACTOR,
  now: () => number = Date.now,
): number {
  const s = openPlanStore(stateDir, now);
  try {
    return s.store.create(plan, actor).id;
  } finally {
    s.close();
  }
}

/**
 * Consistency of the saved plans, for fault tests and operators: SQLite's integrity check, every plan with
 * exactly its declared number of dwelling rows, one create/replan history row and one matching audit entry,
 * parseable JSON, and an intact audit hash chain.
 */
export function checkPlanStore(stateDir: string): { ok: boolean; plans: number; problems: string[] } {
  const db = openPlanDb(stateDir);
  try {
    const problems: string[] = [];
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`);
    const plans = db.prepare('SELECT id, dwellings, input_json, plan_json FROM plans ORDER BY id').all() as {
      id: number;
      dwellings: number;
      input_json: string;
      plan_json: string;
    }[];
    const rows = db.prepare('SELECT COUNT(*) FROM plan_dwellings WHERE plan_id = ?').pluck();
    const made = db
      .prepare("SELECT COUNT(*) FROM plan_history WHERE plan_id = ? AND action IN ('create', 'replan')")
      .pluck();
    const audited = db
      .prepare("SELECT COUNT(*) FROM audit_log WHERE action IN ('plan.create', 'plan.replan') AND object = ?")
      .pluck();
    for (const p of plans) {
      if (rows.get(p.id) !== p.dwellings)
        problems.push(`plan ${p.id}: ${String(rows.get(p.id))} dwelling rows, expected ${p.dwellings}`);
      if (made.get(p.id) !== 1)
        problems.push(`plan ${p.id}: ${String(made.get(p.id))} create/replan history rows, expected 1`);
      if (audited.get(`plan:${p.id}`) !== 1)
        problems.push(`plan ${p.id}: ${String(audited.get(`plan:${p.id}`))} audit entries, expected 1`);
      try {
        JSON.parse(p.input_json);
        JSON.parse(p.plan_json);
      } catch {
        problems.push(`plan ${p.id}: stored JSON does not parse`);
      }
    }
    const orphans = db
      .prepare('SELECT COUNT(*) FROM plan_dwellings WHERE plan_id NOT IN (SELECT id FROM plans)')
      .pluck()
      .get() as number;
    if (orphans) problems.push(`${orphans} dwelling rows without a plan`);
    const chain = new AuditLog(db).verify();
    if (!chain.ok) problems.push(`audit chain broken at entry ${chain.brokenAt}`);
    return { ok: problems.length === 0, plans: plans.length, problems };
  } finally {
    db.close();
  }
}
