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
  before: WholeNumber(1, Number.MAX_SAFE_INTEGER)
    .optional()
    .describe('sequence number: entries older than this (paging)'),
  action: z.enum(AUDIT_ACTIONS).optional().describe('only this action'),
  actor: z.string().max(120).optional().describe('only this user or token name'),
});

export const AuditResponse = z
  .object({
    entries: z.array(AuditEntry),
    chain: z
      .object({
        intact: z.boolean(),
        entries: z.number().int().describe('verified through this sequence number'),
        brokenAt: z.number().int().nullable(),
        pending: z.number().int().describe('newer entries not yet verified (checked onward in the background)'),
      })
      .describe(
        'keyed hash chain, checked incrementally from the last signed checkpoint; `voorraad audit verify` checks everything',
      ),
  })
  .meta({ id: 'AuditLog' });

export const AUDIT_ROUTES = routeGroup(
  ({ security }: { security: SecurityContext }) => security,
  [
    route({
      method: 'GET',
      path: '/api/audit',
      access: AUDIT_ROLES,
      restricted: true,
      query: AuditQuery,
      summary:
        'Audit log (BIO 8.15.01): exports, reads of restricted data, sign-ins and refusals — who, what, object, result, origin, when. gemeente only.',
      responses: { 200: json(AuditResponse) },
      handler: async (c, { query: q }, sec) => {
        const p = principalOf(c)!;
        const limit = q.limit ?? 100;
        // Refusal counts of the minute so far are written first, so the reader sees them.
        sec.denied.flush();
        await sec.audit.record({
          actor: p.name,
          role: p.role,
          via: p.via,
          action: 'audit.read',
          object: 'audit_log',
          result: 'ok',
          origin: auditOrigin(c),
          detail: { limit },
        });
        const entries = sec.audit.list({
          limit,
          ...(q.before !== undefined ? { before: q.before } : {}),
          ...(q.action ? { action: q.action } : {}),
          ...(q.actor ? { actor: q.actor } : {}),
        });
        // Incremental and bounded (the full check is `voorraad audit verify`): from the last signed checkpoint, at most 2,000 new entries per request.
        const { intact, entries: verified, brokenAt, pending } = sec.audit.verifyIncremental(2_000);
        return c.json({ entries, chain: { intact, entries: verified, brokenAt, pending } }, 200, {
          'Cache-Control': 'private, no-store',
        });
      },
    }),
  ],
);
