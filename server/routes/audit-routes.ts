import { z } from 'zod';
import { AUDIT_ACTIONS, AuditEntry } from '../audit/audit-log.ts';
import { principalOf } from '../auth/principal.ts';
import { auditOrigin } from '../auth/request-origin.ts';
import { AUDIT_ROLES } from '../auth/roles.ts';
import type { SecurityContext } from '../auth/security-context.ts';
import { WholeNumber } from '../query-params.ts';
import { json, route, routeGroup } from '../route-spec.ts';

/** The audit log, newest first, for `gemeente` only; reading it is itself audited. */
export const AuditQuery = z.object({
  limit: WholeNumber(1, 500).optional().describe('entries per page, 1–500 (default 100)'),
  before: WholeNumber(1, Number.MAX_SAFE_INTEGER).optional().describe('sequence number: entries older than this (paging)'),
  action: z.enum(AUDIT_ACTIONS).optional().describe('only this action'),
  actor: z.string().max(120).optional().describe('only this user or token name'),
});

export const AuditResponse = z.object({
  entries: z.array(AuditEntry),
  chain: z.object({ intact: z.boolean(), entries: z.number().int(), brokenAt: z.number().int().nullable() }).describe('hash chain check over the whole log'),
}).meta({ id: 'AuditLog' });

export const AUDIT_ROUTES = routeGroup(({ security }: { security: SecurityContext }) => security, [
  route({
    method: 'GET', path: '/api/audit', access: AUDIT_ROLES, restricted: true, query: AuditQuery,
    summary: 'Audit log (BIO 8.15.01): exports, reads of restricted data, sign-ins and refusals — who, what, object, result, origin, when. gemeente only.',
    responses: { 200: json(AuditResponse) },
    handler: (c, { query: q }, sec) => {
      const p = principalOf(c)!;
      const limit = q.limit ?? 100;
      sec.audit.append({ actor: p.name, role: p.role, via: p.via, action: 'audit.read', object: 'audit_log', result: 'ok', origin: auditOrigin(c), detail: { limit } });
      const entries = sec.audit.list({ limit, ...(q.before !== undefined ? { before: q.before } : {}), ...(q.action ? { action: q.action } : {}), ...(q.actor ? { actor: q.actor } : {}) });
      const v = sec.audit.verify();
      return c.json({ entries, chain: v.ok ? { intact: true, entries: v.entries, brokenAt: null } : { intact: false, entries: 0, brokenAt: v.brokenAt } }, 200, { 'Cache-Control': 'private, no-store' });
    },
  }),
]);
