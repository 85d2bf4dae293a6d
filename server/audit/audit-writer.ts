import { startTsWorker } from '../../workers/ts-worker.ts';
import type { AuditEntry, AuditFields, AuditLog, AuditWriter } from './audit-log.ts';

/**
 * Commits the request path's audit entries (AuditLog.record) in a thread of its own (workers/audit-writer-worker.ts),
 * so the event loop never waits for the disk: a synced commit per restricted read took 8–10 % of the event loop in
 * the soak test (bench/soak.ts) and, on a busy disk, single commits stalled every request, /api/health included.
 * Each caller's promise resolves when its entry is committed (a restricted answer is still sent only after that).
 * If the thread fails, pending entries are rejected (their requests answer 503 through the state-store check) and
 * the log commits in this thread again.
 */
export type WriterRequest = { type: 'commit'; id: number; fields: AuditFields } | { type: 'close' };
export type WriterReply =
  | { type: 'ready' }
  | { type: 'committed'; id: number; entry: AuditEntry }
  | { type: 'failed'; id: number; error: { code: string; message: string } }
  | { type: 'closed' };

export interface AuditWriterThread extends AuditWriter {
  /** Commits what is pending, writes the head, closes the thread's connection and ends the thread. */
  close(): Promise<void>;
}

/** Starts the writer for the state directory's database and hands `log.record` to it once it is ready. */
export async function startAuditWriter(log: AuditLog, stateDir: string, headLagMs: number): Promise<AuditWriterThread> {
  // Normal priority, unlike the engine threads: restricted answers wait for their entry's commit.
  const worker = startTsWorker(new URL('../../workers/audit-writer-worker.ts', import.meta.url), {
    workerData: { stateDir, headLagMs },
  });
  const waiting = new Map<number, { resolve: (e: AuditEntry) => void; reject: (err: Error) => void }>();
  let nextId = 1;
  let closed: (() => void) | null = null;
  const failAll = (why: string) => {
    log.useWriter(null);
    for (const w of waiting.values()) w.reject(Object.assign(new Error(why), { code: 'SQLITE_IOERR' }));
    waiting.clear();
  };
  const ready = new Promise<void>((resolve, reject) => {
    worker.on('message', (m: WriterReply) => {
      if (m.type === 'ready') resolve();
      else if (m.type === 'closed') closed?.();
      else {
        const w = waiting.get(m.id);
        waiting.delete(m.id);
        if (m.type === 'committed') w?.resolve(m.entry);
        else w?.reject(Object.assign(new Error(m.error.message), { code: m.error.code }));
      }
    });
    worker.once('error', (err) => {
      reject(err);
      failAll(`audit writer thread failed: ${err.message}`);
    });
    worker.once('exit', (code) => {
      reject(new Error(`audit writer thread exited with ${code}`));
      failAll(`audit writer thread exited with ${code}`);
    });
  });
  await ready;
  const writer: AuditWriterThread = {
    commit(fields) {
      return new Promise<AuditEntry>((resolve, reject) => {
        const id = nextId++;
        waiting.set(id, { resolve, reject });
        worker.postMessage({ type: 'commit', id, fields } satisfies WriterRequest);
      });
    },
    async close() {
      log.useWriter(null);
      const done = new Promise<void>((resolve) => (closed = resolve));
      worker.postMessage({ type: 'close' } satisfies WriterRequest);
      await Promise.race([done, new Promise((resolve) => setTimeout(resolve, 5_000).unref())]);
      await worker.terminate();
    },
  };
  log.useWriter(writer);
  return writer;
}
