import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/*
 * `npx tsx scripts/audit-deps.ts [--allow-offline]` — the dependency audit of docs/security.md.
 * 1. Lockfile review (always, offline): every package in package-lock.json has a sha512 integrity hash and
 *    comes from the registry (no git, file or http tarballs that could change under the same version).
 * 2. `npm audit --json --omit=dev` when the audit endpoint answers: a critical or high advisory in a runtime
 *    dependency blocks (exit 1); moderate and low are listed for the next dependency update.
 * Exit codes: 0 clean, 1 blocking advisory or lockfile problem, 3 audit unavailable (offline, or a registry
 * mirror without the audit endpoint) — 0 instead with --allow-offline, after the lockfile review passed.
 */
const BLOCKING = new Set(['critical', 'high']);
const REGISTRY = /^https:\/\/registry\.npmjs\.org\//;

interface LockPackage {
  resolved?: string;
  integrity?: string;
  link?: boolean;
  dev?: boolean;
}
interface AuditReport {
  vulnerabilities?: Record<string, { severity: string; via: unknown[]; fixAvailable: unknown; range: string }>;
  metadata?: { vulnerabilities: Record<string, number>; dependencies?: { prod?: number } };
  message?: string;
  statusCode?: number;
}

const allowOffline = process.argv.includes('--allow-offline');
const unknownArgs = process.argv.slice(2).filter((a) => a !== '--allow-offline');
if (unknownArgs.length > 0) {
  process.stderr.write(
    `audit-deps: unknown argument ${unknownArgs[0]}; usage: tsx scripts/audit-deps.ts [--allow-offline]\n`,
  );
  process.exit(2);
}

/** Lockfile entries that are not registry tarballs with an integrity hash. */
function lockfileProblems(lock: { packages?: Record<string, LockPackage> }): string[] {
  const problems: string[] = [];
  for (const [path, p] of Object.entries(lock.packages ?? {})) {
    if (path === '' || p.link) continue;
    // No `resolved` (omit-lockfile-registry-resolved) means the configured registry; a git, file or http URL is refused.
    if (p.resolved !== undefined && !REGISTRY.test(p.resolved))
      problems.push(`${path}: resolved from ${p.resolved}, not the npm registry`);
    if (p.integrity === undefined || !/^sha512-/.test(p.integrity)) problems.push(`${path}: no sha512 integrity hash`);
  }
  return problems;
}

const lock = JSON.parse(readFileSync(new URL('../package-lock.json', import.meta.url), 'utf8')) as {
  packages?: Record<string, LockPackage>;
};
const entries = Object.keys(lock.packages ?? {}).length - 1;
const runtime = Object.entries(lock.packages ?? {}).filter(([path, p]) => path !== '' && !p.dev).length;
const problems = lockfileProblems(lock);
console.log(
  `lockfile: ${entries} packages (${runtime} runtime), ${problems.length === 0 ? 'all with sha512 integrity, none from git, file or http URLs' : `${problems.length} problem(s)`}`,
);
for (const p of problems.slice(0, 20)) console.log(`  ${p}`);
if (problems.length > 20) console.log(`  … and ${problems.length - 20} more`);

const npm = spawnSync('npm', ['audit', '--json', '--omit=dev'], { encoding: 'utf8', timeout: 120_000 });
let report: AuditReport | null = null;
try {
  report = JSON.parse(npm.stdout) as AuditReport;
} catch {
  report = null;
}

if (report?.vulnerabilities === undefined) {
  const why =
    report?.message ??
    (npm.error ? npm.error.message : ((npm.stderr || '').split('\n').find((l) => l.includes('error')) ?? 'no report'));
  console.log(`npm audit: audit unavailable offline (${why.trim()})`);
  console.log(
    '  offline procedure (docs/security.md): run `npm audit --omit=dev` against a registry mirror that serves',
  );
  console.log(
    '  /-/npm/v1/security/advisories/bulk, or on a connected machine from this package-lock.json, and review the lockfile diff.',
  );
  process.exit(problems.length > 0 ? 1 : allowOffline ? 0 : 3);
}

const vulns = Object.entries(report.vulnerabilities);
const blocking = vulns.filter(([, v]) => BLOCKING.has(v.severity));
const counts = report.metadata?.vulnerabilities ?? {};
console.log(
  `npm audit (runtime dependencies): ${['critical', 'high', 'moderate', 'low'].map((s) => `${counts[s] ?? 0} ${s}`).join(', ')}`,
);
for (const [name, v] of vulns) {
  const fix = v.fixAvailable === false ? 'no fix yet' : 'fix available';
  console.log(
    `  ${BLOCKING.has(v.severity) ? 'BLOCKS' : 'review'}  ${v.severity.padEnd(8)} ${name} ${v.range} (${fix})`,
  );
}
process.exit(blocking.length > 0 || problems.length > 0 ? 1 : 0);
