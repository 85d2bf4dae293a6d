import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import { ROLES, Role } from './roles.ts';
import { newSecret, secretHash } from './secret.ts';

/**
 * Bearer tokens for scripts (`voorraad token --role R --name N`): printed once, stored only as a SHA-256 hash,
 * with a role, a name (recorded in the audit log), an expiry and a revocation time.
 */
export const TOKEN_PREFIX = 'vrd_';
export const DEFAULT_TOKEN_DAYS = 90;

export interface TokenInfo {
  id: string;
  name: string;
  role: Role;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  createdBy: string;
}

interface TokenRow {
  id: string;
  name: string;
  role: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
  created_by: string;
}

const info = (r: TokenRow): TokenInfo => ({
  id: r.id,
  name: r.name,
  role: Role.parse(r.role),
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  revokedAt: r.revoked_at,
  createdBy: r.created_by,
});

export class TokenStore {
  private readonly byHash: Database.Statement<[string], TokenRow>;

  constructor(
    private readonly db: Database.Database,
    private readonly now: () => number = Date.now,
  ) {
    this.byHash = db.prepare('SELECT * FROM tokens WHERE hash = ?');
  }

  /** Issues a token; the secret is returned once and never stored. */
  issue(o: { role: Role; name: string; days?: number; createdBy: string }): { token: string; info: TokenInfo } {
    const days = o.days ?? DEFAULT_TOKEN_DAYS;
    if (!Number.isInteger(days) || days < 1 || days > 366)
      throw new RangeError(`token lifetime must be 1–366 days, got ${days}`);
    const token = newSecret(TOKEN_PREFIX);
    const now = this.now();
    const row: TokenRow = {
      id: randomBytes(6).toString('hex'),
      name: o.name,
      role: o.role,
      created_at: new Date(now).toISOString(),
      expires_at: new Date(now + days * 86_400_000).toISOString(),
      revoked_at: null,
      created_by: o.createdBy,
    };
    this.db
      .prepare(
        'INSERT INTO tokens (id, hash, name, role, created_at, expires_at, revoked_at, created_by) VALUES (@id, @hash, @name, @role, @created_at, @expires_at, @revoked_at, @created_by)',
      )
      .run({ ...row, hash: secretHash(token) });
    return { token, info: info(row) };
  }

  /** The token's details when it is valid (known, not expired, not revoked), else null. */
  verify(token: string): TokenInfo | null {
    if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
    // Looked up on every request (no cache, so a revocation holds at once); the role is checked once, without zod.
    const row = this.byHash.get(secretHash(token));
    if (!row || row.revoked_at !== null || Date.parse(row.expires_at) <= this.now()) return null;
    if (!(ROLES as readonly string[]).includes(row.role)) return null;
    return {
      id: row.id,
      name: row.name,
      role: row.role as Role,
      createdAt: row.created_at,
      expiresAt: row.expires_at,
      revokedAt: row.revoked_at,
      createdBy: row.created_by,
    };
  }

  list(): TokenInfo[] {
    return (this.db.prepare('SELECT * FROM tokens ORDER BY created_at, id').all() as TokenRow[]).map(info);
  }

  /** Revokes every active token issued under `name` (a user's own tokens); returns how many. */
  revokeNamed(name: string): number {
    return this.db
      .prepare('UPDATE tokens SET revoked_at = ? WHERE name = ? AND revoked_at IS NULL')
      .run(new Date(this.now()).toISOString(), name).changes;
  }

  /** Revokes a token by id; false when there is no such (unrevoked) token. */
  revoke(id: string): boolean {
    return (
      this.db
        .prepare('UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL')
        .run(new Date(this.now()).toISOString(), id).changes === 1
    );
  }
}
