import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { CreatedAccount } from './users-file.ts';

/**
 * First-start passwords are shown on the operator's terminal only, never in a log: the server's log (stderr) is often
 * redirected to a file or a journal that others can read. Where they go:
 * 1. the controlling terminal (`/dev/tty`, or stderr when that is a terminal);
 * 2. without a terminal (a service): `<state dir>/eerste-wachtwoorden.txt`, mode 0600, and the log says only where
 *    the file is and to delete it after reading.
 */
export const FIRST_PASSWORDS_FILE = 'eerste-wachtwoorden.txt';

export interface ShowOptions {
  stateDir: string;
  usersFile: string;
  log: (msg: string) => void;
  /** Writes to the terminal, or null when there is none; default stderr when a TTY, else /dev/tty when it opens. */
  terminal?: ((text: string) => void) | null;
}

function defaultTerminal(): ((text: string) => void) | null {
  if (process.stderr.isTTY) return (t) => process.stderr.write(t);
  try {
    const fd = openSync('/dev/tty', 'w');
    return (t) => {
      writeSync(fd, t);
      closeSync(fd);
    };
  } catch {
    return null;
  }
}

export function showOneTimePasswords(
  accounts: readonly CreatedAccount[],
  o: ShowOptions,
): { shownOn: 'terminal' | 'file'; file?: string } {
  const text =
    [
      `eerste start: gebruikers aangemaakt in ${o.usersFile} (één per rol). Eenmalige wachtwoorden — noteer ze nu, ze worden niet opgeslagen`,
      '(nieuw wachtwoord: voorraad user password <naam>; token voor scripts: voorraad token --role <rol>):',
      ...accounts.map((a) => `  ${a.name.padEnd(9)} rol ${a.role.padEnd(9)} wachtwoord ${a.password}`),
    ].join('\n') + '\n';
  const terminal = o.terminal === undefined ? defaultTerminal() : o.terminal;
  if (terminal) {
    terminal(text);
    o.log('eerste start: eenmalige wachtwoorden op de terminal getoond (niet in dit log)');
    return { shownOn: 'terminal' };
  }
  const file = join(o.stateDir, FIRST_PASSWORDS_FILE);
  writeFileSync(file, text, { mode: 0o600 });
  o.log(
    `eerste start: geen terminal; de eenmalige wachtwoorden staan in ${file} (alleen leesbaar voor deze gebruiker) — lees ze en verwijder het bestand`,
  );
  return { shownOn: 'file', file };
}
