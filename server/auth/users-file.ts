import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { DEFAULT_SCRYPT, generatePassword, hashPassword, isPasswordHash, type ScryptParams } from './password.ts';
import { ROLE_LABELS, ROLES, Role } from './roles.ts';

/**
 * The users file (`<state dir>/users.json`, format in config/users.example.json): user name, role and an scrypt
 * password hash per user — never a password. Created on first start with one account per role and a random
 * password each, printed once; there is no built-in default password.
 */
export const UserName = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{1,63}$/, 'lower-case letters, digits, ".", "_" or "-" (2–64)');

export const UserEntry = z.object({
  name: UserName,
  displayName: z.string().min(1).max(120),
  role: Role,
  passwordHash: z
    .string()
    .refine(isPasswordHash, 'an scrypt hash as written by `voorraad user`, never a plain password'),
  disabled: z.boolean().default(false),
});
export type UserEntry = z.infer<typeof UserEntry>;

export const UsersFile = z
  .object({
    $comment: z.string().optional(),
    users: z.array(UserEntry).min(1),
  })
  .superRefine((f, ctx) => {
    const seen = new Set<string>();
    f.users.forEach((u, i) => {
      if (seen.has(u.name))
        ctx.addIssue({ code: 'custom', path: ['users', i, 'name'], message: `user "${u.name}" appears twice` });
      seen.add(u.name);
    });
  });
export type UsersFile = z.infer<typeof UsersFile>;

/** A users file that cannot be used; the server refuses to start rather than run with unknown users. */
export class UsersFileError extends Error {
  readonly code = 'users.invalid';
}

export const USERS_FILE_COMMENT =
  'voorraad users: name, role (gemeente|alwel|vhf|viewer) and scrypt password hash. Never put a plain password here; ' +
  "use `voorraad user add|password`. A running server re-reads this file within a second; a changed password or a disabled account ends that user's sessions.";

export function readUsersFile(file: string): UserEntry[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new UsersFileError(`${file}: not readable JSON (${(err as Error).message})`);
  }
  const r = UsersFile.safeParse(raw);
  if (!r.success) {
    const i = r.error.issues[0]!;
    throw new UsersFileError(`${file}: ${i.path.join('.')}: ${i.message}`);
  }
  return r.data.users;
}

export function writeUsersFile(file: string, users: readonly UserEntry[]): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, `${JSON.stringify({ $comment: USERS_FILE_COMMENT, users }, null, 2)}\n`, { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, file);
}

export interface CreatedAccount {
  name: string;
  role: Role;
  password: string;
}

/**
 * Creates the users file with one account per role (named after the role) and a fresh random password each,
 * when the file does not exist. Returns the accounts with their passwords (to print once), or null.
 */
export async function ensureUsersFile(
  file: string,
  params: ScryptParams = DEFAULT_SCRYPT,
): Promise<CreatedAccount[] | null> {
  if (existsSync(file)) return null;
  const accounts = ROLES.map((role) => ({ name: role, role, password: generatePassword() }));
  const users: UserEntry[] = [];
  // One at a time: each hash needs 32 MiB and a core for ~0.6 s.
  for (const a of accounts) {
    users.push({
      name: a.name,
      displayName: `${ROLE_LABELS[a.role]} (demo)`,
      role: a.role,
      passwordHash: await hashPassword(a.password, params),
      disabled: false,
    });
  }
  writeUsersFile(file, users);
  return accounts;
}
