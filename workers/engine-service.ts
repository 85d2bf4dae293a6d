import type { DwellingColumns } from '../engine/dwelling-table.ts';
import { dwellingStats, STATS_FIELDS, type StatsField } from '../engine/dwelling-stats.ts';
import { fail, ok } from '../engine/result.ts';
import { createRetrofitSession } from '../engine/retrofit/session.ts';
import { createVveSession } from '../engine/vve/vve-session.ts';
import type { EngineApi } from './engine-api.ts';

/** The EngineApi implementation shared by the Node and browser workers; state is the loaded table. */
export function createEngineService(): EngineApi {
  let table: DwellingColumns | null = null;
  const retrofit = createRetrofitSession({ table: () => table, now: () => performance.now() });
  const vve = createVveSession({ now: () => performance.now() });
  return {
    async load(t) {
      table = t;
      return { count: t.count };
    },
    async stats(groupBy: StatsField[]) {
      if (!table) return fail({ code: 'engine.not-loaded', message: 'no dataset loaded in the engine worker' });
      const bad = groupBy.findIndex((f) => !(STATS_FIELDS as readonly string[]).includes(f));
      if (bad >= 0)
        return fail({
          code: 'stats.groupBy.unknown',
          message: `unknown groupBy field "${groupBy[bad]}"`,
          path: ['groupBy', bad],
        });
      return ok(dwellingStats(table, groupBy));
    },
    async retrofitLoadContext(ctx) {
      return retrofit.loadContext(ctx);
    },
    async retrofitScores(query) {
      return retrofit.scores(query);
    },
    async retrofitScoresJson(query) {
      const r = retrofit.scores(query);
      return r.ok ? ok(JSON.stringify(r.value), r.warnings) : r;
    },
    async retrofitDwelling(vboId, date, weights) {
      return retrofit.dwelling(vboId, date, weights);
    },
    async retrofitMapColumns(weights) {
      return retrofit.mapColumns(weights);
    },
    async retrofitPriority(weights) {
      return retrofit.priority(weights);
    },
    async retrofitRescore(weights) {
      return retrofit.rescore(weights);
    },
    async vveLoad(input, config, rulesDate) {
      return vve.load(input, config, rulesDate);
    },
    async vveRanking(config) {
      return vve.ranking(config);
    },
  };
}
