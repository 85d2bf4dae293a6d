import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The repository's own eslint.config.js, run on source text at paths inside engine/ and web/ (the files need not exist).
const root = fileURLToPath(new URL('..', import.meta.url));
const eslint = new ESLint({ cwd: root });

async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'layers/imports').map((m) => m.message);
}

describe('layer rule (eslint layers/imports)', () => {
  it('fails engine/ code importing outside engine/ at any depth: static, re-export, dynamic and type imports', async () => {
    expect(
      await layerErrors(
        'engine/retrofit/x.ts',
        "import { SHIPPED_DATASET } from '../../geodata/shipped.ts';\nexport const a = SHIPPED_DATASET;\n",
      ),
    ).toEqual([
      expect.stringMatching(
        /^engine\/retrofit\/x\.ts imports geodata\/shipped\.ts: engine\/ imports nothing outside engine\//,
      ),
    ]);
    expect(
      await layerErrors(
        'engine/retrofit/fast-kernel/deep.ts',
        "export { startNodeEngine } from '../../../workers/node-engine.ts';\n",
      ),
    ).toHaveLength(1);
    expect(await layerErrors('engine/x.ts', "export const m = () => import('../bench/measure.ts');\n")).toHaveLength(1);
    expect(
      await layerErrors('engine/planner/x.ts', "export type App = import('../../server/app.ts').AppContext;\n"),
    ).toHaveLength(1);
    // Up and back in is still inside; sibling folders of engine with a similar name are not.
    expect(
      await layerErrors(
        'engine/planner/x.ts',
        "export { ok } from '../../engine/result.ts';\nexport { fail } from '../result.ts';\n",
      ),
    ).toEqual([]);
    expect(await layerErrors('engine/x.ts', "export * from '../engine-extras/y.ts';\n")).toHaveLength(1);
  });

  it('holds for engine tests and benches too, and lets only config/*.json data in', async () => {
    expect(
      await layerErrors(
        'engine/retrofit/score.test.ts',
        "import { syntheticStock } from '../../geodata/reference/retrofit-synthetic-stock.ts';\nexport const s = syntheticStock;\n",
      ),
    ).toHaveLength(1);
    expect(
      await layerErrors(
        'engine/vve/vve.bench.ts',
        "import { compare } from '../../bench/measure.ts';\nexport const c = compare;\n",
      ),
    ).toHaveLength(1);
    expect(
      await layerErrors(
        'engine/retrofit/w.ts',
        "import w from '../../config/weights.default.json' with { type: 'json' };\nexport const x = w;\n",
      ),
    ).toEqual([]);
    expect(
      await layerErrors(
        'engine/retrofit/w.ts',
        "import { loadConfig } from '../../config/config-files.ts';\nexport const x = loadConfig;\n",
      ),
    ).toHaveLength(1);
  });

  it('fails web/ code importing server/ at any depth, and lets web/ import engine/', async () => {
    expect(
      await layerErrors(
        'web/src/plan/plan-status-view.ts',
        "import { STATUS_LABELS } from '../../../server/plans/plan-status.ts';\nexport const s = STATUS_LABELS;\n",
      ),
    ).toEqual([expect.stringMatching(/imports server\/plans\/plan-status\.ts: web\/ imports no server\/ code/)]);
    expect(
      await layerErrors(
        'web/src/x.ts',
        "import type { AppContext } from '../../server/app-context.ts';\nexport type A = AppContext;\n",
      ),
    ).toHaveLength(1);
    expect(
      await layerErrors('web/src/x.ts', "import { ok } from '../../engine/result.ts';\nexport const o = ok;\n"),
    ).toEqual([]);
  });

  it('fails an inline import() type of a repository file anywhere, which would hide a cycle from madge', async () => {
    const [result] = await eslint.lintText("export type C = import('./app-context.ts').AppContext;\n", {
      filePath: 'server/x.ts',
    });
    expect(result!.messages.map((m) => m.ruleId)).toEqual(['no-restricted-syntax']);
    // A package's module type (vi.mock's importOriginal<typeof import('node:fs')>) is no repository dependency.
    const [pkg] = await eslint.lintText("export type F = typeof import('node:fs');\n", { filePath: 'server/x.ts' });
    expect(pkg!.messages).toEqual([]);
  });

  it('leaves other layers and package imports alone', async () => {
    expect(
      await layerErrors(
        'server/x.ts',
        "import { readDataset } from '../geodata/dataset-store.ts';\nexport const r = readDataset;\n",
      ),
    ).toEqual([]);
    expect(await layerErrors('engine/x.ts', "import { z } from 'zod';\nexport const s = z.string();\n")).toEqual([]);
  });
});
