import type { DwellingColumns } from '../engine/dwelling-table.ts';
import type { StatsField, StatsTable } from '../engine/dwelling-stats.ts';
import type { Result } from '../engine/result.ts';

/**
 * The one typed protocol between the app (server or browser) and an engine worker.
 * Implemented once in engine-service.ts; wrapped with Comlink.wrap<EngineApi>() on both sides.
 */
export interface EngineApi {
  /** Replaces the worker's table. Callers may transfer the typed arrays (see columnBuffers). */
  load(table: DwellingColumns): Promise<{ count: number }>;
  /** Dwelling statistics grouped by the given fields. */
  stats(groupBy: StatsField[]): Promise<Result<StatsTable>>;
}
