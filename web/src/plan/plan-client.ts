import type { z } from 'zod';
import { ApiError, getJson } from '../api.ts';
import {
  planDetailSchema,
  planListSchema,
  planStatusChangeSchema,
  type PlanDetail,
  type PlanList,
  type PlanStatusChange,
} from '../../../engine/planner/saved-plan.ts';

/** The plan routes from the browser (same origin, session cookie; writes as JSON, as the server requires). */
async function send<T>(method: 'POST' | 'PATCH', path: string, body: unknown, schema: z.ZodType<T>): Promise<T> {
  const res = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
  });
  const json: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const e = (json ?? {}) as { code?: unknown; message?: unknown };
    throw new ApiError(
      typeof e.code === 'string' ? e.code : `http.${res.status}`,
      typeof e.message === 'string' ? e.message : res.statusText,
      path,
    );
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new ApiError('api.shape', parsed.error.message, path);
  return parsed.data;
}

export const listPlans = (): Promise<PlanList> => getJson('/api/plans', planListSchema);
export const getPlan = (id: number): Promise<PlanDetail> => getJson(`/api/plans/${id}`, planDetailSchema);
export const createPlan = (name: string, input: unknown): Promise<PlanDetail> =>
  send('POST', '/api/plans', { name, input }, planDetailSchema);
export const replanPlan = (id: number, reason: string): Promise<PlanDetail> =>
  send('POST', `/api/plans/${id}/replan`, { reason }, planDetailSchema);
export const changeStatus = (id: number, vboId: string, status: string, reason: string): Promise<PlanStatusChange> =>
  send(
    'PATCH',
    `/api/plans/${id}/dwellings/${encodeURIComponent(vboId)}`,
    { status, ...(reason ? { reason } : {}) },
    planStatusChangeSchema,
  );

/** Dutch text for a plan error code (the server's message follows for detail). */
export function planErrorText(err: unknown): string {
  if (!(err instanceof ApiError)) return err instanceof Error ? err.message : String(err);
  const known: Record<string, string> = {
    'auth.forbidden': 'Uw rol mag dit niet.',
    'plan.planner.unavailable': 'De planner draait niet op deze server.',
    'plan.status.transition': 'Deze statuswijziging is niet toegestaan.',
    'plan.superseded': 'Dit plan is al herpland; wijzig de nieuwe versie.',
    'plan.changed': 'Het plan is intussen gewijzigd; probeer opnieuw.',
  };
  const head =
    known[err.code] ??
    (err.code.startsWith('plan.binding.') || err.code.startsWith('plan.infeasible.')
      ? 'Geen plan mogelijk:'
      : 'Mislukt:');
  return `${head} ${err.message} (${err.code})`;
}
