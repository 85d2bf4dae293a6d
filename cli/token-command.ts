import { hostname, userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { AuditLog } from '../server/audit/audit-log.ts';
import { ROLES, Role } from '../server/auth/roles.ts';
import { defaultStateDir, openStateDb } from '../server/auth/state-db.ts';
import { DEFAULT_TOKEN_DAYS, TokenStore } from '../server/auth/token-store.ts';
import { UsageError, parseIntArg } from './usage-error.ts';

export const TOKEN_USAGE =
  'voorraad token --role gemeente|alwel|vhf|viewer [--name N] [--days D] [--state-dir DIR]   print a new API token (stored hashed)\n' +
  '  voorraad token --list | --revoke <id> [--state-dir DIR]';

/** Who runs a local command, for the audit log: the OS account on this host. */
export function localActor(): { name: string; origin: string } {
  let name = 'onbekend';
  try {
    name = userInfo().username;
  } catch {
    // no passwd entry (containers): keep 'onbekend'
  }
  return { name, origin: `cli@${hostname()}` };
}

/**
 * `voorraad token --role R [--name N]`: prints one bearer token for scripts on stdout (and nothing else there),
 * valid for --days (default 90). Only its SHA-256 is stored, in <state dir>/state.sqlite; issuing and revoking
 * are written to the audit log. Whoever can write the state directory administers the product.
 */
export async function tokenCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      role: { type: 'string' },
      name: { type: 'string' },
      days: { type: 'string' },
      'state-dir': { type: 'string' },
      list: { type: 'boolean', default: false },
      revoke: { type: 'string' },
    },
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"\n${TOKEN_USAGE}`);
  const db = openStateDb(values['state-dir'] ?? defaultStateDir());
  try {
    const store = new TokenStore(db);
    const audit = new AuditLog(db);
    const me = localActor();
    if (values.list) {
      for (const t of store.list()) {
        const state = t.revokedAt
          ? `ingetrokken ${t.revokedAt}`
          : Date.parse(t.expiresAt) <= Date.now()
            ? 'verlopen'
            : `geldig tot ${t.expiresAt}`;
        process.stdout.write(`${t.id}  ${t.role.padEnd(8)}  ${t.name}  (${state}; uitgegeven door ${t.createdBy})\n`);
      }
      return 0;
    }
    if (values.revoke !== undefined) {
      const ok = store.revoke(values.revoke);
      audit.append({
        actor: me.name,
        role: null,
        via: 'cli',
        action: 'token.revoke',
        object: `token:${values.revoke}`,
        result: ok ? 'ok' : 'failed',
        origin: me.origin,
      });
      if (!ok) {
        process.stderr.write(`voorraad token: token.unknown: no active token with id ${values.revoke}\n`);
        return 1;
      }
      process.stderr.write(`voorraad token: token ${values.revoke} ingetrokken\n`);
      return 0;
    }
    const role = Role.safeParse(values.role);
    if (!role.success)
      throw new UsageError(`--role: expected one of ${ROLES.join(', ')}, found "${values.role ?? ''}"\n${TOKEN_USAGE}`);
    const name = values.name ?? `${role.data}-script`;
    if (!/^[\w.@-]{1,64}$/.test(name))
      throw new UsageError(`--name: 1–64 letters, digits, ".", "_", "-" or "@", found "${name}"`);
    const days = values.days === undefined ? DEFAULT_TOKEN_DAYS : parseIntArg(values.days, 'days');
    if (days < 1 || days > 366) throw new UsageError(`--days: expected 1–366, found ${days}`);
    const { token, info } = store.issue({ role: role.data, name, days, createdBy: me.name });
    audit.append({
      actor: me.name,
      role: null,
      via: 'cli',
      action: 'token.issue',
      object: `token:${info.id}`,
      result: 'ok',
      origin: me.origin,
      detail: { role: info.role, name, days },
    });
    process.stdout.write(`${token}\n`);
    process.stderr.write(
      `voorraad token: ${info.id} voor "${name}" (rol ${info.role}), geldig tot ${info.expiresAt}. Gebruik: Authorization: Bearer <token>. Het token wordt niet opnieuw getoond.\n`,
    );
    return 0;
  } finally {
    db.close();
  }
}
