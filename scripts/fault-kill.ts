import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importKillTrials } from '../test/faults/import-kill.ts';
import { planKillTrials } from '../test/faults/plan-kill.ts';

/*
 * `npx tsx scripts/fault-kill.ts [kills] [seed] [imports|plans|both]` (default 100 kills, seed 20251128, both):
 * kill -9 during imports of the shipped dataset and during plan saves, `kills` times each, at seeded moments.
 * Prints what the kills left and exits 1 on any problem (a half-applied import, a dataset that no longer opens,
 * a lost committed plan, an inconsistent state database, temporary files left after a clean run).
 */
const kills = Number(process.argv[2] ?? 100);
const seed = Number(process.argv[3] ?? 20251128);
const only = process.argv[4] ?? 'both';
if (!Number.isInteger(kills) || kills < 1 || !Number.isInteger(seed) || !['imports', 'plans', 'both'].includes(only)) {
  process.stderr.write('usage: tsx scripts/fault-kill.ts [kills ≥ 1] [integer seed] [imports|plans|both]\n');
  process.exit(2);
}
const log = (m: string) => process.stderr.write(`fault-kill: ${m}\n`);
const problems: string[] = [];
const s = (t0: number) => `${((performance.now() - t0) / 1000).toFixed(0)} s`;

if (only !== 'plans') {
  const dir = mkdtempSync(join(tmpdir(), 'voorraad-import-kill-'));
  try {
    const t0 = performance.now();
    const r = await importKillTrials({ dir, kills, seed, log });
    console.log(
      `imports: ${r.kills} kills (seed ${seed}), one import ${r.fullMs.toFixed(0)} ms (write phase from ${r.writeStartMs.toFixed(0)} ms); ` +
        `dataset afterwards: ${r.before} as before, ${r.after} fully imported, ${r.kills - r.before - r.after} other; ` +
        `${r.duringWrite} kills inside the write phase, ${r.finishedFirst} runs finished first; max ${r.maxLeftovers} leftover temp files, ${r.leftoversAtEnd} after the next import; ${s(t0)}`,
    );
    console.log(JSON.stringify({ imports: r }));
    problems.push(...r.problems);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
if (only !== 'imports') {
  const dir = mkdtempSync(join(tmpdir(), 'voorraad-plan-kill-'));
  try {
    const t0 = performance.now();
    const r = await planKillTrials({ dir, kills, seed, log });
    console.log(
      `plan saves: ${r.kills} kills (seed ${seed}), first save after ${r.firstSaveMs.toFixed(0)} ms, one save per ${r.saveMs.toFixed(1)} ms; ` +
        `${r.committed} plans reported committed, ${r.stored} stored, ${r.beforeFirstSave} kills before the first save; ${s(t0)}`,
    );
    console.log(JSON.stringify({ plans: r }));
    problems.push(...r.problems);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
for (const p of problems) console.error(`fault-kill: PROBLEM ${p}`);
process.exitCode = problems.length ? 1 : 0;
