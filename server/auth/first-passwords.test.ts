import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIRST_PASSWORDS_FILE, showOneTimePasswords } from './first-passwords.ts';

const dir = mkdtempSync(join(tmpdir(), 'voorraad-pw-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const accounts = [{ name: 'gemeente', role: 'gemeente' as const, password: 'abcde-fghij-klmno-pqrst' }];

/** Issue finding "first-start passwords are printed into the server log". */
describe('one-time passwords', () => {
  it('go to the terminal, and the log only says so', () => {
    const log: string[] = [];
    let shown = '';
    expect(
      showOneTimePasswords(accounts, {
        stateDir: dir,
        usersFile: 'users.json',
        log: (m) => log.push(m),
        terminal: (t) => (shown += t),
      }).shownOn,
    ).toBe('terminal');
    expect(shown).toContain(accounts[0]!.password);
    expect(log.join('\n')).not.toContain(accounts[0]!.password);
  });

  it('without a terminal go to a 0600 file in the state directory, never to the log', () => {
    const log: string[] = [];
    const r = showOneTimePasswords(accounts, {
      stateDir: dir,
      usersFile: 'users.json',
      log: (m) => log.push(m),
      terminal: null,
    });
    expect(r).toEqual({ shownOn: 'file', file: join(dir, FIRST_PASSWORDS_FILE) });
    expect(readFileSync(r.file!, 'utf8')).toContain(accounts[0]!.password);
    expect(statSync(r.file!).mode & 0o777).toBe(0o600);
    expect(log.join('\n')).not.toContain(accounts[0]!.password);
    expect(log.join('\n')).toContain(FIRST_PASSWORDS_FILE);
  });
});
