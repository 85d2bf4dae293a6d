import { savePlan, type NewPlan } from '../../server/plans/plan-store.ts';

/*
 * Child process of the plan-save kill test: saves plans into `<state dir>` one after another and prints
 * `committed <id>` on stdout once savePlan has returned (the transaction is committed). The parent kills
 * it with SIGKILL at a random moment and then checks that every printed plan is in the database.
 * Usage: node --import tsx test/faults/plan-save-child.ts <state dir> <first index>
 */
const [stateDir, firstRaw] = process.argv.slice(2);
if (stateDir === undefined || firstRaw === undefined) {
  process.stderr.write('usage: plan-save-child.ts <state dir> <first index>\n');
  process.exit(2);
}

/** A plan of 400 dwellings in 8 batches; its size makes each save a multi-page transaction. */
function faultPlan(k: number): NewPlan {
  const dwellings = Array.from({ length: 400 }, (_, i) => ({
    vboId: String(1674010000000000 + k * 1000 + i),
    batchId: `batch-${(i % 8) + 1}`,
  }));
  return {
    name: `fault-plan-${k}`,
    input: { k, note: 'kill -9 fault test' },
    plan: { batches: 8, dwellings },
    dataset: { name: 'fault-test', sha256: '0'.repeat(64), synthetic: true },
    solver: 'fault-test',
    objective: k,
    gap: 0,
    greedyObjective: k,
    dwellings,
    batches: 8,
  };
}

for (let k = Number(firstRaw); ; k++) {
  const id = savePlan(
    stateDir,
    faultPlan(k),
    { name: 'fault-test', role: null, via: 'cli', origin: 'cli' },
    () => 1_764_288_000_000,
  );
  process.stdout.write(`committed ${id}\n`);
}
