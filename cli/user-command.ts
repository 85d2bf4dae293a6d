import { parseArgs } from 'node:util';
import { AuditLog } from '../server/audit/audit-log.ts';
import { generatePassword, hashPassword } from '../server/auth/password.ts';
import { ROLES, ROLE_LABELS, Role } from '../server/auth/roles.ts';
import { defaultStateDir, openStateDb, stateFiles } from '../server/auth/state-db.ts';
import { SessionStore } from '../server/auth/session-store.ts';
import { TokenStore } from '../server/auth/token-store.ts';
import { UserName, ensureUsersFile, readUsersFile, writeUsersFile } from '../server/auth/users-file.ts';
import { localActor } from './token-command.ts';
import { UsageError } from './usage-error.ts';

export const USER_USAGE =
  'voorraad user list | add <name> --role R [--display-name D] | password <name> | disable <name> | enable <name> [--state-dir DIR]';

/**
 * `voorraad user …`: manages <state dir>/users.json. New and reset passwords are generated (never chosen or
 * stored in plain text) and printed once. A password reset or disable ends the user's sessions and tokens at once.
 */
export async function userCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: { role: { type: 'string' }, 'display-name': { type: 'string' }, 'state-dir': { type: 'string' } },
  });
  const [action, name, ...extra] = positionals;
  if (action === undefined || extra.length > 0) throw new UsageError(USER_USAGE);
  const dir = values['state-dir'] ?? defaultStateDir();
  const file = stateFiles(dir).users;
  const created = await ensureUsersFile(file);
  if (created) {
    process.stderr.write(`voorraad user: ${file} aangemaakt; eenmalige wachtwoorden:\n`);
    for (const a of created) process.stderr.write(`  ${a.name.padEnd(10)} ${a.password}\n`);
  }
  const users = readUsersFile(file);
  if (action === 'list') {
    for (const u of users)
      process.stdout.write(
        `${u.name.padEnd(16)} ${u.role.padEnd(8)} ${u.disabled ? 'uitgeschakeld' : 'actief'}  ${u.displayName}\n`,
      );
    return 0;
  }
  if (name === undefined || !UserName.safeParse(name).success)
    throw new UsageError(`expected a user name (lower case, 2–64 characters)\n${USER_USAGE}`);
  const existing = users.find((u) => u.name === name);
  let password: string | null = null;
  if (action === 'add') {
    if (existing) throw new UsageError(`user "${name}" already exists (use: voorraad user password ${name})`);
    const role = Role.safeParse(values.role);
    if (!role.success) throw new UsageError(`--role: expected one of ${ROLES.join(', ')}`);
    password = generatePassword();
    users.push({
      name,
      role: role.data,
      displayName: values['display-name'] ?? `${name} (${ROLE_LABELS[role.data]})`,
      passwordHash: await hashPassword(password),
      disabled: false,
    });
  } else if (action === 'password' || action === 'disable' || action === 'enable') {
    if (!existing) throw new UsageError(`no user "${name}" in ${file}`);
    if (action === 'password') {
      password = generatePassword();
      existing.passwordHash = await hashPassword(password);
    } else {
      existing.disabled = action === 'disable';
    }
  } else {
    throw new UsageError(USER_USAGE);
  }
  writeUsersFile(file, users);
  const db = openStateDb(dir);
  try {
    const me = localActor();
    // Effective at once, also for a running server: the user's sessions end and the tokens named after them are revoked
    // (the server re-reads users.json within a second as well: server/auth/users-reload.ts).
    const revoke = action === 'password' || action === 'disable';
    const sessionsEnded = revoke ? new SessionStore(db).endAllFor(name) : 0;
    const tokensRevoked = revoke ? new TokenStore(db).revokeNamed(name) : 0;
    new AuditLog(db).append({
      actor: me.name,
      role: null,
      via: 'cli',
      action: 'user.change',
      object: `user:${name}`,
      result: 'ok',
      origin: me.origin,
      detail: { change: action, sessionsEnded, tokensRevoked },
    });
  } finally {
    db.close();
  }
  if (password) process.stdout.write(`${name}: ${password}\n`);
  process.stderr.write(
    `voorraad user: ${action} ${name} opgeslagen in ${file}; direct van kracht (lopende sessies en tokens van ${name} beëindigd bij password/disable).\n`,
  );
  return 0;
}
