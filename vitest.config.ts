import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { LongestFirstSequencer } from './test/longest-first-sequencer.ts';

// Tests pin time zone and locale, so dates and nl-NL number formats are the same on every machine.
process.env.TZ = 'Europe/Amsterdam';
process.env.LANG = 'nl_NL.UTF-8';

/** web/src modules that only run in the browser (no node unit test possible without a DOM); excluded from coverage. */
const BROWSER_ONLY = [
  'web/src/main.ts',
  'web/src/test-hooks.ts',
  'web/src/api.ts',
  'web/src/engine-client.ts',
  'web/src/attribute-switcher.ts',
  'web/src/buurt-panel.ts',
  'web/src/dwelling-interaction.ts',
  'web/src/legend.ts',
  'web/src/stats-view.ts',
  'web/src/auth/sign-in-view.ts',
  'web/src/auth/user-bar.ts',
  'web/src/acquisition/acquisition-layer.ts',
  'web/src/acquisition/role-layers.ts',
  'web/src/acquisition/safety-layer.ts',
  'web/src/retrofit/dom.ts',
  'web/src/retrofit/retrofit-client.ts',
  'web/src/retrofit/retrofit-panel.ts',
  'web/src/retrofit/retrofit-popup.ts',
  'web/src/retrofit/retrofit-view.ts',
  'web/src/retrofit/retrofit.web-worker.ts',
  'web/src/retrofit/retrofit-hooks.ts',
  'web/src/scenario/compare-main.ts',
  'web/src/scenario/compare-maps.ts',
  'web/src/scenario/compare-panels.ts',
  'web/src/scenario/compare-hooks.ts',
  'web/src/scenario/scenario-api.ts',
  'web/src/scenario/chart-download.ts',
  'web/src/rules/rules-main.ts',
  'web/src/scenario-draw/draw-view.ts',
  'web/src/scenario-draw/draw-client.ts',
  'web/src/scenario-draw/draw-form.ts',
  'web/src/scenario-draw/sheet-main.ts',
];

/**
 * Three projects (README, Development), so `npm test` takes minutes on a 2-core machine:
 * - `slow`: the browser tests (the web app built once in build-web.ts), kill -9 trials and the real child-process
 *   CLI runs — long poles, started first, in forks;
 * - `integration`: test/** suites that start the app, worker threads, property and fuzz runs — in forks without
 *   per-file isolation (imports cost about 40 % less CPU, README Development); a shared fork keeps one file's
 *   vi.mock for the next, so a file that mocks a module belongs in `slow`;
 * - `unit`: the tests beside the modules — in threads without per-file isolation (modules are imported once per
 *   worker: most of a small test file's cost is importing, not testing). A unit test must therefore leave no global
 *   state behind (restore spies, environment and timers; no process.chdir).
 */
const SLOW = [
  'test/browser/**/*.test.ts',
  'test/exports/**/*.test.ts',
  'test/faults/**/*.test.ts',
  'test/cli/cli-smoke.test.ts',
];
const INTEGRATION = ['test/**/*.test.ts', 'server/start-server.test.ts', 'workers/**/*.test.ts'];
const EXCLUDE = ['.scratch*/**', 'node_modules/**', 'web/dist/**', 'geodata/build/**'];

export default defineConfig({
  test: {
    exclude: EXCLUDE,
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 180_000,
    // Vitest's default is one worker fewer than the cores: one worker on a 2-core machine, which runs every file in
    // turn and leaves a core idle while a browser test waits for the map or a kill trial for its child. Three
    // workers keep both cores busy there; larger machines use every core.
    maxWorkers: Math.max(3, availableParallelism()),
    // The long poles (browser tests, kill trials, CLI child processes) first over all projects, so the short files
    // fill in around them instead of one of them running alone at the end (test/longest-first-sequencer.ts).
    sequence: { sequencer: LongestFirstSequencer },
    projects: [
      {
        extends: true,
        test: {
          name: 'slow',
          include: SLOW,
          pool: 'forks',
          globalSetup: ['test/browser/build-web.ts'],
          // One group for all three projects: their files share the workers (order: the sequencer above).
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: INTEGRATION,
          exclude: [...EXCLUDE, ...SLOW],
          pool: 'forks',
          // Files share a fork's imported modules (no vi.mock in this project: module mocks belong in `slow`).
          isolate: false,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['**/*.test.ts'],
          exclude: [...EXCLUDE, ...SLOW, ...INTEGRATION],
          pool: 'threads',
          isolate: false,
          sequence: { groupOrder: 0 },
        },
      },
    ],
    coverage: {
      provider: 'v8',
      // V8 coverage sees code run in the vitest process only: modules run inside worker_threads, child processes
      // (CLI tests, the served app in browser tests) and Chromium are not counted. Web modules count through their
      // node unit tests; DOM-bound web modules that only the browser tests execute are excluded (listed below).
      include: [
        'engine/**/*.ts',
        'geodata/**/*.ts',
        'server/**/*.ts',
        'workers/**/*.ts',
        'cli/**/*.ts',
        'web/src/**/*.ts',
      ],
      exclude: [
        '**/*.test.ts',
        '**/*.bench.ts',
        '**/*-bench-*.ts',
        '**/*.d.ts',
        'test/**',
        'bench/**',
        'scripts/**',
        // Entry points that only run as a child process or thread (exercised by the CLI, worker and browser tests).
        'cli/voorraad.ts',
        'workers/engine.node-worker.ts',
        'workers/engine.web-worker.ts',
        'workers/scenario-worker.ts',
        'workers/planner-worker.ts',
        // Browser-only: DOM, fetch and MapLibre glue executed in Chromium by test/browser/*, which V8 coverage in node
        // cannot see. Their logic lives in the pure *-model / *-filter / *-layers / format modules, which count.
        ...BROWSER_ONLY,
      ],
      reporter: ['text-summary', 'json-summary'],
      reportsDirectory: 'coverage',
      thresholds: {
        lines: 80,
        statements: 80,
        functions: 80,
        branches: 80,
        'engine/**': { branches: 90 },
      },
    },
  },
});
