import { statSync } from 'node:fs';
import { readUsersFile, type UserEntry } from './users-file.ts';

export type UserChange = 'password' | 'disabled' | 'removed' | 'role';

/**
 * Keeps a users map in step with the users file: a password reset or a disabled account used to need a restart and
 * left existing sessions alive. `refresh()` stats the file at most once a second; when it changed it is re-read, and
 * for each user whose password, role or state changed (or who was removed) `revoke` ends their sessions and tokens.
 * An unreadable or invalid file keeps the users as they were (and is retried at the next change).
 */
export class UsersReloader {
  private stamp: string;
  private checkedAt = 0;

  constructor(
    private readonly file: string,
    private readonly users: Map<string, UserEntry>,
    private readonly o: { now: () => number; revoke: (name: string, change: UserChange) => void; everyMs?: number },
  ) {
    this.stamp = this.stampOf();
  }

  refresh(): void {
    const now = this.o.now();
    if (now - this.checkedAt < (this.o.everyMs ?? 1_000)) return;
    this.checkedAt = now;
    const stamp = this.stampOf();
    if (stamp === this.stamp) return;
    let next: UserEntry[];
    try {
      next = readUsersFile(this.file);
    } catch {
      return;
    }
    this.stamp = stamp;
    const byName = new Map(next.map((u) => [u.name, u]));
    for (const [name, old] of this.users) {
      const u = byName.get(name);
      const change: UserChange | null = !u
        ? 'removed'
        : u.disabled && !old.disabled
          ? 'disabled'
          : u.passwordHash !== old.passwordHash
            ? 'password'
            : u.role !== old.role
              ? 'role'
              : null;
      if (change) this.o.revoke(name, change);
    }
    this.users.clear();
    for (const [name, u] of byName) this.users.set(name, u);
  }

  private stampOf(): string {
    try {
      const s = statSync(this.file);
      return `${s.ino}:${s.size}:${s.mtimeMs}`;
    } catch {
      return 'missing';
    }
  }
}
