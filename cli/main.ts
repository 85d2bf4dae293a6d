import { AUDIT_USAGE, auditCommand } from './audit-command.ts';
import { expectedFailure } from './exit-codes.ts';
import { EXPORT_USAGE, exportCommand } from './export-command.ts';
import { compareCommand } from './compare-command.ts';
import { DATASET_USAGE, datasetCommand } from './dataset-command.ts';
import { generateCommand } from './generate-command.ts';
import { IMPORT_USAGE, importCommand } from './import-command.ts';
import { measuresCommand } from './measures-command.ts';
import { MONITOR_USAGE, monitorCommand } from './monitor-command.ts';
import { PLAN_USAGE, planCommand } from './plan-command.ts';
import { RULES_USAGE, rulesCommand } from './rules-command.ts';
import { REPORT_USAGE, reportCommand } from './report-command.ts';
import { runCommand } from './run-command.ts';
import { scoreCommand } from './score-command.ts';
import { serveCommand } from './serve-command.ts';
import { SNAPSHOT_USAGE, snapshotCommand } from './snapshot-command.ts';
import { statsCommand } from './stats-command.ts';
import { TOKEN_USAGE, tokenCommand } from './token-command.ts';
import { USER_USAGE, userCommand } from './user-command.ts';
import { VVE_USAGE, vveCommand } from './vve-command.ts';

const USAGE = `voorraad — woningvoorraad, verduurzaming en differentiatie (Kalsdonk, Westrand)

Usage:
  voorraad serve [--port N] [--host H] [--dataset file.gpkg] [--no-web]   start the map and API (PORT is honoured)
                [--state-dir DIR] [--secure-cookies] [--acquisition-config file.json] [--vve-config file.json]
                [--trusted-proxy ADDR,…] [--allowed-host NAME,…]
  voorraad stats [--group-by buurt,ownership] [--format table|json|csv] [--dataset file.gpkg]
  voorraad generate [--seed N] [--out file.gpkg]                          write the synthetic dataset
  ${DATASET_USAGE}
  voorraad measures --type T --bouwjaar J --oppervlakte M2 [--label X] [--eigendom C] [--date YYYY-MM-DD] [--format table|json]
  voorraad score [--buurt X] [--eigendom a,b] [--type t] [--weights file] [--format json|csv|geojson] [--dataset P] [--datum YYYY-MM-DD]
  voorraad run <scenario.yaml…> [--runs N] [--out dir] [--workers N]     run scenario files; exit 1 when a target fails
  voorraad compare <a.yaml> <b.yaml> [--area A,…] [--years 2030,2035] [--metrics …] [--runs N]
  ${IMPORT_USAGE}
  ${EXPORT_USAGE}
  ${TOKEN_USAGE}
  ${AUDIT_USAGE}
  ${USER_USAGE}
  ${VVE_USAGE}
  ${PLAN_USAGE}
  ${RULES_USAGE}
  ${SNAPSHOT_USAGE}
  ${REPORT_USAGE}
  ${MONITOR_USAGE}
`;

const COMMANDS: Record<string, (argv: string[]) => Promise<number>> = {
  serve: (a) => serveCommand(a, process.env),
  stats: statsCommand,
  generate: generateCommand,
  dataset: datasetCommand,
  import: importCommand,
  measures: measuresCommand,
  run: runCommand,
  compare: compareCommand,
  score: scoreCommand,
  export: exportCommand,
  token: tokenCommand,
  audit: auditCommand,
  user: userCommand,
  vve: vveCommand,
  plan: planCommand,
  rules: rulesCommand,
  snapshot: snapshotCommand,
  report: reportCommand,
  monitor: monitorCommand,
};

/** Runs a command; expected failures print one clear line and give a non-zero exit code. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? process.stderr : process.stdout).write(USAGE);
    return name === undefined ? 2 : 0;
  }
  // Own keys only: `voorraad toString` is an unknown command, not Object.prototype.toString.
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    process.stderr.write(`voorraad: unknown command "${name}"\n\n${USAGE}`);
    return 2;
  }
  try {
    return await command(rest);
  } catch (err) {
    const failure = expectedFailure(err);
    if (!failure) throw err;
    process.stderr.write(`voorraad ${name}: ${failure.line}\n`);
    return failure.exit;
  }
}
