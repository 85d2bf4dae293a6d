import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { METRIC_IDS } from '../../engine/housing/metrics.ts';
import { resultJson } from '../../engine/housing/result-json.ts';
import type { ScenarioSummary } from '../../engine/housing/summary.ts';
import { DatasetCache, loadScenarioFile } from '../../workers/scenario-files.ts';
import { inProcessRunner, runScenario } from '../../workers/scenario-pool.ts';
import { golden } from './regen.ts';

const DIR = fileURLToPath(new URL('../../scenarios/', import.meta.url));
const SHIPPED = readdirSync(DIR)
  .filter((f) => f.endsWith('.yaml'))
  .sort();
/**
 * Targets a shipped scenario misses at the golden's runs, by file. Targets are the programme's, not measurements: a
 * target the model misses stays as written and is reported as missed with its probability (and listed here), it is
 * never loosened until the scenario passes.
 */
const MISSED: Record<string, string[]> = {};
/** Few runs keep the golden test fast; the numbers are exact all the same. */
const GOLDEN_RUNS = 16;
const datasets = new DatasetCache();

async function run(file: string): Promise<ScenarioSummary> {
  const p = loadScenarioFile(`${DIR}${file}`, { datasets, runs: GOLDEN_RUNS });
  if (!p.ok) throw new Error(JSON.stringify(p.issues));
  return runScenario(p.value, inProcessRunner());
}

describe.each(SHIPPED)('golden result of scenarios/%s', (file) => {
  let summary: ScenarioSummary;

  it('equals scenarios/golden byte for byte (REGEN=1 rewrites it)', async () => {
    summary = await run(file);
    const text = resultJson(summary);
    expect(text).toBe(golden(`${DIR}golden/${file.replace(/\.yaml$/, '.json')}`, text));
    expect(summary.scenario.runs).toBe(GOLDEN_RUNS);
  }, 60_000);

  it('reports each target with its probability, misses only the listed ones, and keeps the invariants', () => {
    for (const t of summary.targets) {
      expect(t.probability).toBeGreaterThanOrEqual(0);
      expect(t.probability).toBeLessThanOrEqual(1);
      expect(t.met).toBe(t.probability >= t.requiredProbability);
    }
    expect(summary.targets.filter((t) => !t.met).map((t) => t.id)).toEqual(MISSED[file] ?? []);
    for (const u of summary.units) {
      const s = summary.series[u.id]!;
      expect(Object.keys(s)).toEqual([...METRIC_IDS]);
      summary.years.forEach((_, yi) => {
        const dw = s.dwellings!.p50[yi]!,
          start = s.dwellings!.p50[0]!;
        // Deterministic stock changes: the median dwelling count follows the planned flows exactly.
        expect(dw).toBe(start + s.built!.p50[yi]! - s.demolished!.p50[yi]! + s.split!.p50[yi]! - s.merged!.p50[yi]!);
        expect(s.households!.p90[yi]!).toBeLessThanOrEqual(s.dwellings!.p10[yi]!);
      });
    }
  });
});
