import type { Dwelling, Vve } from '../dwelling.ts';
import type { VveIssue } from './vve-issue-codes.ts';

/**
 * Checks one VvE against the dataset before it is assessed: every member is a dwelling of the dataset, listed
 * once, with a positive number of votes, and the member list and the dwellings that name this VvE agree
 * (the apartment rights "add up"). Problems are coded issues for this VvE only; the others are still ranked.
 */
export interface VveMember {
  dwelling: Dwelling;
  /** Votes (breukdeel) of this apartment right. */
  votes: number;
}

export type MembersResult = { ok: true; members: VveMember[] } | { ok: false; issues: VveIssue[] };

export function resolveMembers(
  vve: Vve,
  dwellingById: ReadonlyMap<string, Dwelling>,
  claimedBy: readonly string[],
): MembersResult {
  const issues: VveIssue[] = [];
  const path = (...p: (string | number)[]) => ['vves', vve.vveId, ...p];
  const seen = new Set<string>();
  const members: VveMember[] = [];
  vve.members.forEach((m, k) => {
    if (seen.has(m.vboId)) {
      issues.push({
        code: 'vve.members.duplicate',
        path: path('members', k, 'vboId'),
        message: `${vve.vveId}: dwelling ${m.vboId} holds more than one apartment right in the member list`,
      });
      return;
    }
    seen.add(m.vboId);
    if (!Number.isFinite(m.votes) || m.votes <= 0) {
      issues.push({
        code: 'vve.votes.invalid',
        path: path('members', k, 'votes'),
        message: `${vve.vveId}: member ${m.vboId} has ${String(m.votes)} votes; expected a positive number (breukdeel)`,
      });
    }
    const d = dwellingById.get(m.vboId);
    if (!d) {
      issues.push({
        code: 'vve.members.unknown',
        path: path('members', k, 'vboId'),
        message: `${vve.vveId}: member ${m.vboId} is not a dwelling of the dataset`,
      });
      return;
    }
    if (d.vveId !== vve.vveId) {
      issues.push({
        code: 'vve.rights.mismatch',
        path: path('members', k, 'vboId'),
        message: `${vve.vveId}: member ${m.vboId} is recorded as ${d.vveId === null ? 'not in a VvE' : `in ${d.vveId}`}`,
      });
      return;
    }
    members.push({ dwelling: d, votes: m.votes });
  });
  const outside = claimedBy.filter((id) => !seen.has(id));
  if (outside.length) {
    issues.push({
      code: 'vve.rights.mismatch',
      path: path('members'),
      message: `${vve.vveId}: ${outside.length} dwelling(s) name this VvE but hold no apartment right in it (${outside.slice(0, 3).join(', ')}${outside.length > 3 ? ', …' : ''}); rights do not add up`,
    });
  }
  return issues.length ? { ok: false, issues } : { ok: true, members };
}

/** The majority and quorum for a "change": per-VvE override, else the register (deed), else the legal default; each a fraction in (0, 1]. */
export function decisionRule(
  vve: Pick<Vve, 'vveId' | 'majorityRule'>,
  override: { majority?: number; quorum?: number } | undefined,
  defaults: { majority: number; quorum: number },
):
  | { ok: true; majority: number; quorum: number; source: 'override' | 'register' | 'default' }
  | { ok: false; issues: VveIssue[] } {
  const majority = override?.majority ?? vve.majorityRule ?? defaults.majority;
  const quorum = override?.quorum ?? defaults.quorum;
  const source =
    override?.majority !== undefined || override?.quorum !== undefined
      ? 'override'
      : vve.majorityRule !== null
        ? 'register'
        : 'default';
  const issues: VveIssue[] = [];
  const bad = (x: number) => !Number.isFinite(x) || x <= 0 || x > 1;
  const where =
    override?.majority !== undefined ? ['overrides', vve.vveId, 'majority'] : ['vves', vve.vveId, 'majorityRule'];
  if (bad(majority))
    issues.push({
      code: 'vve.majority.invalid',
      path: where,
      message: `${vve.vveId}: majority ${String(majority)} is not a fraction in (0, 1] (e.g. 0.6667 for 2/3)`,
    });
  if (bad(quorum))
    issues.push({
      code: 'vve.quorum.invalid',
      path: ['overrides', vve.vveId, 'quorum'],
      message: `${vve.vveId}: quorum ${String(quorum)} is not a fraction in (0, 1]`,
    });
  return issues.length ? { ok: false, issues } : { ok: true, majority, quorum, source };
}
