import { describe, expect, it } from 'vitest';
import type { TestSpecification, Vitest } from 'vitest/node';
import { LongestFirstSequencer } from './longest-first-sequencer.ts';

const ROOT = '/repo';

/** A file of a project as the sequencer sees it: its path and its project's name and isolation. */
function spec(project: 'slow' | 'integration' | 'unit', path: string): TestSpecification {
  return {
    moduleId: `${ROOT}/${path}`,
    project: { name: project, config: { isolate: project === 'slow' } },
  } as unknown as TestSpecification;
}

/** A vitest context with a results cache holding `durations` (ms per `project:path`). */
function sequencer(durations: Record<string, number> = {}): LongestFirstSequencer {
  const ctx = {
    config: { root: ROOT },
    cache: {
      getFileTestResults: (key: string) => (key in durations ? { duration: durations[key], failed: false } : undefined),
    },
  };
  return new LongestFirstSequencer(ctx as unknown as Vitest);
}

const order = async (s: LongestFirstSequencer, files: TestSpecification[]) =>
  (await s.sort(files)).map((f) => `${f.project.name}:${f.moduleId.slice(ROOT.length + 1)}`);

describe('LongestFirstSequencer', () => {
  it('in a fresh clone starts the known long poles first, then each non-isolated project together', async () => {
    const files = [
      spec('unit', 'engine/a.test.ts'),
      spec('integration', 'test/api/small.test.ts'),
      spec('slow', 'test/browser/plan.browser.test.ts'),
      spec('integration', 'test/scenarios/cli.test.ts'),
      spec('unit', 'geodata/synthetic/generate.test.ts'),
      spec('slow', 'test/browser/layers.browser.test.ts'),
      spec('slow', 'test/browser/new.browser.test.ts'),
    ];
    expect(await order(sequencer(), files)).toEqual([
      'slow:test/browser/layers.browser.test.ts',
      'slow:test/browser/new.browser.test.ts',
      'slow:test/browser/plan.browser.test.ts',
      'integration:test/scenarios/cli.test.ts',
      'integration:test/api/small.test.ts',
      'unit:geodata/synthetic/generate.test.ts',
      'unit:engine/a.test.ts',
    ]);
  });

  it("prefers vitest's cached durations to the built-in estimates", async () => {
    const files = [
      spec('slow', 'test/browser/layers.browser.test.ts'),
      spec('slow', 'test/browser/plan.browser.test.ts'),
      spec('unit', 'engine/a.test.ts'),
      spec('unit', 'engine/b.test.ts'),
    ];
    const cached = sequencer({
      'slow:test/browser/plan.browser.test.ts': 90_000,
      'slow:test/browser/layers.browser.test.ts': 20_000,
      'unit:engine/b.test.ts': 400,
      'unit:engine/a.test.ts': 100,
    });
    expect(await order(cached, files)).toEqual([
      'slow:test/browser/plan.browser.test.ts',
      'slow:test/browser/layers.browser.test.ts',
      'unit:engine/b.test.ts',
      'unit:engine/a.test.ts',
    ]);
  });
});
