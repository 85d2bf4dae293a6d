import { fail, ok, type Result } from '../result.ts';
import type { VveIssueCode } from './vve-issue-codes.ts';
import { rankVves, type VveInput } from './vve-assess.ts';
import { rankingBody } from './vve-body.ts';
import type { VveConfig } from './vve-config.ts';
import type { VveRankingBody } from './vve-schemas.ts';

/**
 * The VvE ranking held by an engine worker (workers/engine-service.ts): ranked once when the dataset is loaded,
 * so GET /api/vve answers from memory and the ranking never runs on the server's event loop. The dataset does
 * not change while the worker holds it; a different configuration is ranked on demand and the last one kept.
 */
export interface VveSession {
  /** Stores the input and ranks it with `config` at once, rules picked on `rulesDate` (the run's date); `ms` is the time spent ranking. */
  load(
    input: VveInput,
    config: VveConfig,
    rulesDate?: string,
  ): Result<{ count: number; rejected: number; ms: number }, VveIssueCode>;
  /** The ranking of the loaded input: the one made at load, or one for another `config`. */
  ranking(config?: VveConfig): Result<VveRankingBody, VveIssueCode>;
}

interface Ranked {
  /** JSON of the configuration, to recognise the same configuration sent again (structured clones are new objects). */
  key: string;
  body: VveRankingBody;
}

export function createVveSession(deps: { now: () => number }): VveSession {
  let input: VveInput | null = null;
  let loaded: Ranked | null = null;
  let other: Ranked | null = null;
  let rulesDate: string | undefined;

  const rank = (inp: VveInput, config: VveConfig): Result<Ranked, VveIssueCode> => {
    const r = rankVves(inp, { config, ...(rulesDate === undefined ? {} : { rulesDate }) });
    if (!r.ok) return r;
    return ok({ key: JSON.stringify(config), body: rankingBody(inp.meta, r.value, r.warnings, config) });
  };

  return {
    load(inp, config, date) {
      const t0 = deps.now();
      rulesDate = date;
      const r = rank(inp, config);
      if (!r.ok) return r;
      input = inp;
      loaded = r.value;
      other = null;
      return ok({ count: r.value.body.count, rejected: r.value.body.rejected.length, ms: deps.now() - t0 });
    },
    ranking(config) {
      if (!input || !loaded)
        return fail({ code: 'vve.not-loaded', message: 'no VvE ranking input loaded in the engine worker' });
      if (config === undefined) return ok(loaded.body);
      const key = JSON.stringify(config);
      if (key === loaded.key) return ok(loaded.body);
      if (other?.key === key) return ok(other.body);
      const r = rank(input, config);
      if (!r.ok) return r;
      other = r.value;
      return ok(other.body);
    },
  };
}
