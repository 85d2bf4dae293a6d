import { parentPort, workerData } from 'node:worker_threads';
import { AuditLog, type AuditFields } from '../server/audit/audit-log.ts';
import { openStateDb } from '../server/auth/state-db.ts';
import type { WriterReply, WriterRequest } from '../server/audit/audit-writer.ts';

/*
 * The audit writer thread (server/audit/audit-writer.ts): its own connection to state.sqlite (WAL,
 * synchronous=FULL). Entries that arrive while a commit waits for the disk are committed together in the next
 * transaction, so one fsync serves many requests and none of them blocks the server's event loop.
 */
const { stateDir, headLagMs } = workerData as { stateDir: string; headLagMs: number };
const db = openStateDb(stateDir);
const log = new AuditLog(db, Date.now, { headLagMs });
let pending: { id: number; fields: AuditFields }[] = [];
let scheduled = false;
const port = parentPort!;
const reply = (m: WriterReply) => port.postMessage(m);

function flush(): void {
  scheduled = false;
  const group = pending;
  pending = [];
  if (group.length === 0) return;
  try {
    const entries = log.appendPrepared(group.map((g) => g.fields));
    group.forEach((g, i) => reply({ type: 'committed', id: g.id, entry: entries[i]! }));
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    const error = { code: String(e.code ?? 'unknown'), message: e.message };
    for (const g of group) reply({ type: 'failed', id: g.id, error });
  }
}

port.on('message', (m: WriterRequest) => {
  if (m.type === 'close') {
    flush();
    log.close();
    db.close();
    reply({ type: 'closed' });
    return;
  }
  pending.push({ id: m.id, fields: m.fields });
  if (!scheduled) {
    scheduled = true;
    // After the messages already queued (those that arrived during the last commit): they join this group.
    setImmediate(flush);
  }
});
reply({ type: 'ready' });
