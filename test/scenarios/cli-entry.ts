// Runs `voorraad run` / `voorraad compare` in a child process with main.ts's error handling, so the
// CLI test sees real exit codes whether or not cli/main.ts has the commands wired yet.
import { compareCommand } from '../../cli/compare-command.ts';
import { runCommand } from '../../cli/run-command.ts';
import { UsageError } from '../../cli/usage-error.ts';

const [name, ...rest] = process.argv.slice(2);
try {
  process.exitCode = await (name === 'compare' ? compareCommand(rest) : runCommand(rest));
} catch (err) {
  if (err instanceof UsageError || (err instanceof Error && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS'))) {
    process.stderr.write(`voorraad ${name}: ${err.message}\n`);
    process.exitCode = 2;
  } else throw err;
}
