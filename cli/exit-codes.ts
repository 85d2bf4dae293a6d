import { DatasetNewError } from '../geodata/dataset-new.ts';
import { OrdinanceRulesError } from '../geodata/rules/ordinance.ts';
import { DatasetFileError } from '../geodata/dataset-store.ts';
import { AcquisitionConfigError } from '../geodata/exports/acquisition-config.ts';
import { VveConfigError } from '../geodata/exports/vve-export-config.ts';
import { FileWriteError } from '../geodata/file-write.ts';
import { GeodataFormatError } from '../geodata/gpkg/format-error.ts';
import { ImportFormatError, ImportOptionError } from '../geodata/importers/import-error.ts';
import { RulesFileError } from '../geodata/rules/load-rules.ts';
import { UsersFileError } from '../server/auth/users-file.ts';
import { UsageError } from './usage-error.ts';
import { ReportError } from './report-command.ts';

/** Exit codes of `voorraad`: 0 done, 1 the input or the machine refused (a coded error), 2 the command line is wrong. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

interface ExpectedFailure {
  matches: (err: unknown) => err is Error;
  exit: (typeof EXIT)[keyof typeof EXIT];
  /** The one line printed after `voorraad <command>: `. */
  line: (err: Error) => string;
}

const coded = (err: Error): string => `${(err as Error & { code: string }).code}: ${err.message}`;
const is =
  <T extends Error>(cls: abstract new (...args: never[]) => T) =>
  (err: unknown): err is T =>
    err instanceof cls;

/**
 * Every expected failure and its exit code, in one table: commands throw, `main` maps. Anything not listed is a
 * bug and keeps its stack trace.
 */
const EXPECTED: readonly ExpectedFailure[] = [
  { matches: is(UsageError), exit: EXIT.usage, line: (e) => e.message },
  {
    matches: (e): e is Error =>
      e instanceof Error && 'code' in e && typeof e.code === 'string' && e.code.startsWith('ERR_PARSE_ARGS'),
    exit: EXIT.usage,
    line: (e) => e.message,
  },
  { matches: is(ImportOptionError), exit: EXIT.usage, line: (e) => e.message },
  { matches: is(ImportFormatError), exit: EXIT.failed, line: coded },
  { matches: is(GeodataFormatError), exit: EXIT.failed, line: coded },
  { matches: is(UsersFileError), exit: EXIT.failed, line: coded },
  { matches: is(AcquisitionConfigError), exit: EXIT.failed, line: coded },
  { matches: is(VveConfigError), exit: EXIT.failed, line: coded },
  { matches: is(DatasetFileError), exit: EXIT.failed, line: coded },
  { matches: is(DatasetNewError), exit: EXIT.failed, line: coded },
  { matches: is(OrdinanceRulesError), exit: EXIT.failed, line: coded },
  { matches: is(RulesFileError), exit: EXIT.failed, line: coded },
  { matches: is(FileWriteError), exit: EXIT.failed, line: coded },
  { matches: is(ReportError), exit: EXIT.failed, line: coded },
  {
    matches: (e): e is Error => e instanceof Error && 'code' in e && e.code === 'EADDRINUSE',
    exit: EXIT.failed,
    line: (e) => `the port is already in use (${e.message}); choose another with --port`,
  },
];

/** The exit code and message line of an expected failure, or null for a bug. */
export function expectedFailure(err: unknown): { exit: number; line: string } | null {
  const f = EXPECTED.find((x) => x.matches(err));
  return f ? { exit: f.exit, line: f.line(err as Error) } : null;
}
