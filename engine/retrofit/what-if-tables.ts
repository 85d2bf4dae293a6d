/**
 * Score tables for the one-dwelling what-if. Building them (buildScoreTables) is ~85 % of a what-if's time
 * (profiled with `node --cpu-prof`: ~1.2 of ~1.4 ms), yet only the one-entry low-income share depends on the
 * request; everything else is a pure function of the parameters and weights. So the tables are built once per
 * (params, weights) object and each call gets a shallow copy with its own share — the same values
 * buildScoreTables would give, so results stay byte-identical.
 */
import { LOW_INCOME_SOURCES } from './energy-poverty.ts';
import type { RetrofitParams } from './params.ts';
import { buildScoreTables, type ScoreTables } from './score-tables.ts';
import type { WeightsConfig } from './weights.ts';

/** The what-if stock has one buurt with an empty code (what-if.ts); its share comes from the request or the buurt parameters' fallback. */
const WHAT_IF_BUURT = '';

// Keyed by object identity: the shipped defaults are module constants, so they hit every time; weights parsed
// per request are new objects and are collected with them (WeakMap), so the cache cannot grow without bound.
const cache = new WeakMap<RetrofitParams, WeakMap<WeightsConfig, ScoreTables>>();

function baseTables(params: RetrofitParams, weights: WeightsConfig): ScoreTables {
  let byWeights = cache.get(params);
  if (!byWeights) cache.set(params, (byWeights = new WeakMap()));
  let tables = byWeights.get(weights);
  if (!tables)
    byWeights.set(weights, (tables = buildScoreTables(params, weights, [WHAT_IF_BUURT], Float32Array.of(NaN))));
  return tables;
}

/**
 * Equal to `buildScoreTables(params, weights, [''], shares)` for a one-entry `shares` (NaN = no figure). The shared
 * arrays are read-only to the scoring loop and the what-if; callers must not mutate the result.
 */
export function whatIfTables(
  params: RetrofitParams,
  weights: WeightsConfig,
  shares: Float32Array,
  incomeEur?: number,
): ScoreTables {
  const base = baseTables(params, weights);
  // The same computation as buildScoreTables' per-buurt loop, for the one buurt without buurt inputs.
  const share = Number.isNaN(shares[0])
    ? {}
    : {
        buurtShare: Float32Array.of(shares[0]!),
        buurtShareSource: Uint8Array.of(LOW_INCOME_SOURCES.indexOf('input')),
      };
  // The household's own income band, when given, replaces the band laag as the quote's denominator.
  const quote =
    incomeEur === undefined
      ? {}
      : { buurtQuoteInv: Float32Array.of(1 / (weights.energyPoverty.energyQuoteThreshold * incomeEur)) };
  return { ...base, ...share, ...quote };
}
