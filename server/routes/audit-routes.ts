import type { Hono } from 'hono';
import { z } from 'zod';
import { ApiError } from '../api-error.ts';
import { AUDIT_ACTIONS, AuditEntry, type AuditAction } from '../audit/audit-log.ts';
import { principalOf } from '../auth/principal.ts';
import { auditOrigin } from '../auth/request-origin.ts';
import type { SecurityContext } from '../auth/security-context.ts';
import type { RouteDoc } from '../openapi.ts';

/** The audit log, newest first, for `gemeente` only; reading it is itself audited. */
export const AuditQuery = z.object({
  limit: z.string().optional().describe('entries per page, 1–500 (default 100)'),
  before: z.string().optional().describe('sequence number: entries older than this (paging)'),
  action: z.enum(AUDIT_ACTIONS).optional().describe('only this action'),
  actor: z.string().max(120).optional().describe('only this user or token name'),
});

export const AuditResponse = z.object({
  entries: z.array(AuditEntry),
  chain: z.object({
    intact: z.boolean(), entries: z.number().int().describe('verified through this sequence number'), brokenAt: z.number().int().nullable(),
    pending: z.number().int().describe('newer entries not yet verified (checked onward in the background)'),
  }).describe('keyed hash chain, checked incrementally from the last signed checkpoint; `voorraad audit verify` checks everything'),
}).meta({ id: 'AuditLog' });

export const AUDIT_ROUTE_DOCS: RouteDoc[] = [
  { method: 'get', path: '/api/audit', summary: 'Audit log (BIO 8.15.01): exports, reads of restricted data, sign-ins and refusals — who, what, object, result, origin, when. gemeente only.', query: AuditQuery, response: AuditResponse, errors: [400, 401, 403] },
];

export function registerAuditRoutes(app: Hono, sec: SecurityContext): void {
  app.get('/api/audit', (c) => {
    const p = principalOf(c)!;
    const q = AuditQuery.safeParse(c.req.query());
    if (!q.success) throw new ApiError(400, 'query.invalid', q.error.issues[0]!.message, ['query', ...q.error.issues[0]!.path.map(String)]);
    const num = (raw: string | undefined, name: string, max: number) => {
      if (raw === undefined) return undefined;
      if (!/^\d{1,12}$/.test(raw) || Number(raw) < 1 || Number(raw) > max) throw new ApiError(400, `query.${name}.invalid`, `${name}: expected a whole number 1–${max}`, ['query', name]);
      return Number(raw);
    };
    const limit = num(q.data.limit, 'limit', 500) ?? 100;
    const before = num(q.data.before, 'before', Number.MAX_SAFE_INTEGER);
    // Refusal counts of the minute so far are written first, so the reader sees them.
    sec.denied.flush();
    sec.audit.append({ actor: p.name, role: p.role, via: p.via, action: 'audit.read', object: 'audit_log', result: 'ok', origin: auditOrigin(c), detail: { limit } });
    const entries = sec.audit.list({ limit, ...(before !== undefined ? { before } : {}), ...(q.data.action ? { action: q.data.action as AuditAction } : {}), ...(q.data.actor ? { actor: q.data.actor } : {}) });
    // Incremental and bounded (the full check is `voorraad audit verify`): from the last signed checkpoint, at most 2,000 new entries per request.
    const { intact, entries: verified, brokenAt, pending } = sec.audit.verifyIncremental(2_000);
    return c.json({ entries, chain: { intact, entries: verified, brokenAt, pending } }, 200, { 'Cache-Control': 'private, no-store' });
  });
}
