import { closeSync, openSync, renameSync, writeSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { AuditLog } from '../server/audit/audit-log.ts';
import { defaultStateDir, openStateDb } from '../server/auth/state-db.ts';
import { localActor } from './token-command.ts';
import { UsageError, parseIntArg } from './usage-error.ts';

export const AUDIT_USAGE =
  'voorraad audit verify [--state-dir DIR]   check the whole keyed chain, its signed checkpoints and head; exit 1 when broken\n' +
  '  voorraad audit export --out file.jsonl [--after SEQ] [--state-dir DIR]   entries and checkpoints as JSON lines, for retention';

const PAGE = 5_000;

/**
 * `voorraad audit verify`: the full check of server/audit/audit-log.ts (rewritten, deleted or truncated entries,
 * forged checkpoints or head); prints one line and exits 0 (intact) or 1 (`audit.*` code, the entry where it breaks).
 * `voorraad audit export`: every entry after --after (default all) and every signed checkpoint, one JSON object a line,
 * written to a 0600 file (temporary file, then renamed); the export is itself audited.
 */
export async function auditCommand(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    strict: true,
    options: { 'state-dir': { type: 'string' }, out: { type: 'string' }, after: { type: 'string' } },
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"\n${AUDIT_USAGE}`);
  if (sub !== 'verify' && sub !== 'export')
    throw new UsageError(`voorraad audit: expected verify or export\n${AUDIT_USAGE}`);
  const db = openStateDb(values['state-dir'] ?? defaultStateDir());
  try {
    const log = new AuditLog(db);
    if (sub === 'verify') {
      const v = log.verify();
      if (!v.ok) {
        process.stderr.write(`voorraad audit: ${v.code}: ${v.message}\n`);
        return 1;
      }
      process.stdout.write(
        `auditlog intact: ${v.entries} regels (${v.legacy} van vóór de sleutelketen), ${v.checkpoints} ondertekende controlepunten\n`,
      );
      return 0;
    }
    if (values.out === undefined) throw new UsageError(`voorraad audit export: --out is required\n${AUDIT_USAGE}`);
    const after = values.after === undefined ? 0 : parseIntArg(values.after, 'after');
    const tmp = `${values.out}.tmp-${process.pid}`;
    const fd = openSync(tmp, 'w', 0o600);
    let rows = 0,
      through = after;
    try {
      writeSync(
        fd,
        `${JSON.stringify({ format: 'voorraad-audit-export@1', exportedAt: new Date().toISOString(), after, checkpoints: log.checkpoints() })}\n`,
      );
      for (;;) {
        const page = log.range(through, PAGE);
        for (const e of page) writeSync(fd, `${JSON.stringify(e)}\n`);
        rows += page.length;
        if (page.length < PAGE) break;
        through = page.at(-1)!.seq;
      }
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, values.out);
    const me = localActor();
    log.append({
      actor: me.name,
      role: null,
      via: 'cli',
      action: 'export',
      object: 'audit_log',
      result: 'ok',
      origin: me.origin,
      detail: { rows, after, format: 'jsonl' },
    });
    process.stderr.write(`voorraad audit: ${rows} regels geëxporteerd naar ${values.out}\n`);
    return 0;
  } finally {
    db.close();
  }
}
