import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The long poles of `npm test` with their seconds on an idle 2-core machine (a full run on 8 Dec 2026, whole file
 * including its beforeAll: the web app, Chromium, LibreOffice, child processes). Only their order matters: it is
 * the estimate for a fresh clone, where vitest has no results cache yet. A stale or missing entry costs time,
 * never a result.
 */
const KNOWN_SECONDS: ReadonlyMap<string, number> = new Map([
  ['test/browser/layers.browser.test.ts', 58],
  ['test/browser/compare.browser.test.ts', 38],
  ['test/browser/retrofit.browser.test.ts', 28],
  ['test/faults/import-kill.test.ts', 27],
  ['test/browser/vve.browser.test.ts', 22],
  ['test/browser/roles.browser.test.ts', 16],
  ['test/cli/cli-smoke.test.ts', 15],
  ['test/browser/plan.browser.test.ts', 14],
  ['test/exports/spreadsheet-roundtrip.test.ts', 13],
  ['test/browser/map.browser.test.ts', 13],
  ['test/scenarios/cli.test.ts', 12],
  ['test/api/server.test.ts', 10],
  ['test/fuzz/api-fuzz.test.ts', 10],
  ['test/api/imported-dataset.test.ts', 9],
  ['test/shipped-dataset.test.ts', 9],
  ['test/scenarios/parallel.test.ts', 7],
  ['test/security/audit-chain.test.ts', 7],
  ['test/scenarios/api.test.ts', 6],
  ['geodata/synthetic/generate.test.ts', 5],
  ['test/property/scenario-files.property.test.ts', 5],
  ['test/api/plan-routes.test.ts', 5],
  ['test/scenarios/api-bounds.test.ts', 4],
  ['test/cli/plan-cli.test.ts', 4],
  ['test/retrofit/score-table.test.ts', 4],
]);

/** Seconds assumed for a file neither listed above nor in vitest's cache: a typical file of its project. */
const PROJECT_SECONDS: Readonly<Record<string, number>> = { slow: 15, integration: 3, unit: 0.3 };

/**
 * Longest file first (vitest.config.ts `sequence.sequencer`). Vitest's own order runs the projects one after another
 * by name (integration, slow, unit), so the browser tests and kill trials — the long poles — started only when every
 * integration file had been handed out. Here the isolated files (`slow`, `integration`) go first, longest first, and the short
 * files fill in around them. The files of a non-isolated project (`unit`) stay together, the project
 * with the most work first: vitest keeps a non-isolated worker, with the modules it has imported, for the next file
 * only when that file is next in the queue and of the same project, so interleaving them would start a worker (and
 * import every module again) per file.
 *
 * The estimate is the duration of the file's last run from vitest's results cache when there is one, else the
 * seconds above, else its project's typical seconds.
 */
export class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const root = this.ctx.config.root;
    const estimate = (f: TestSpecification): number => {
      const path = relative(root, f.moduleId);
      const cached = this.ctx.cache.getFileTestResults(`${f.project.name}:${path}`)?.duration;
      if (cached !== undefined && cached > 0) return cached;
      return 1000 * (KNOWN_SECONDS.get(path) ?? PROJECT_SECONDS[f.project.name] ?? 1);
    };
    const ms = new Map(files.map((f) => [f, estimate(f)]));
    const work = new Map<string, number>();
    for (const [f, t] of ms)
      if (f.project.config.isolate === false) work.set(f.project.name, (work.get(f.project.name) ?? 0) + t);
    const shared = [...work.keys()].sort((a, b) => work.get(b)! - work.get(a)! || a.localeCompare(b));
    const rank = (f: TestSpecification): number =>
      f.project.config.isolate === false ? 1 + shared.indexOf(f.project.name) : 0;
    return [...files].sort(
      (a, b) => rank(a) - rank(b) || ms.get(b)! - ms.get(a)! || a.moduleId.localeCompare(b.moduleId),
    );
  }
}
