import { z } from 'zod';
import { ApiError } from '../api.ts';

/** `GET /api/scenarios`: the shipped scenario files. */
export const ScenarioList = z.object({
  synthetic: z.boolean(),
  maxRuns: z.number(),
  scenarios: z.array(z.object({ id: z.string(), valid: z.boolean(), name: z.string(), description: z.string() })),
});
export type ScenarioList = z.infer<typeof ScenarioList>;

const Values = z.array(z.number().nullable());

/** `POST /api/scenarios/run`: the summary of a scenario's Monte Carlo runs (the fields the page uses). */
export const ScenarioResult = z.object({
  scenario: z.object({ id: z.string(), name: z.string(), description: z.string(), runs: z.number(), seed: z.number() }),
  dataset: z.object({ synthetic: z.boolean() }),
  years: z.array(z.number()),
  units: z.array(
    z.object({ id: z.string(), name: z.string(), kind: z.enum(['buurt', 'area']), buurten: z.array(z.string()) }),
  ),
  metrics: z.array(z.object({ id: z.string(), label: z.string(), unit: z.string() })),
  targets: z.array(
    z.object({
      id: z.string(),
      metric: z.string(),
      area: z.string(),
      year: z.number(),
      bound: z.enum(['min', 'max']),
      threshold: z.string(),
      requiredProbability: z.number(),
      probability: z.number(),
      met: z.boolean(),
    }),
  ),
  series: z.record(z.string(), z.record(z.string(), z.object({ p10: Values, p50: Values, p90: Values, mean: Values }))),
});
export type ScenarioResult = z.infer<typeof ScenarioResult>;

/** A saved scenario version's id in the scenario lists: `versie:N` (web/src/scenario-draw). */
export const VERSION_PREFIX = 'versie:';

/**
 * Runs a shipped scenario on the server (results are cached there: the same request is instant), or a saved
 * version (`versie:N`) as an inline scenario.
 */
export async function runScenario(id: string): Promise<ScenarioResult> {
  const path = '/api/scenarios/run';
  let request: unknown = { scenario: id };
  if (id.startsWith(VERSION_PREFIX)) {
    const v = await fetch(`/api/scenario-versions/${Number(id.slice(VERSION_PREFIX.length))}`);
    if (!v.ok) throw new ApiError(`http.${v.status}`, v.statusText, path);
    request = { inline: ((await v.json()) as { scenario: unknown }).scenario };
  }
  const res = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(request),
  });
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const err = z.object({ code: z.string(), message: z.string() }).safeParse(body);
    throw new ApiError(
      err.success ? err.data.code : `http.${res.status}`,
      err.success ? err.data.message : res.statusText,
      path,
    );
  }
  const parsed = ScenarioResult.safeParse(body);
  if (!parsed.success) throw new ApiError('api.shape', parsed.error.message, path);
  return parsed.data;
}
