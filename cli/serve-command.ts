import { parseArgs } from 'node:util';
import type { VveConfig } from '../engine/vve/vve-config.ts';
import { SHIPPED_DATASET, ensureShippedDataset } from '../geodata/shipped.ts';
import { VveConfigError, loadVveConfig } from '../geodata/exports/vve-export-config.ts';
import { defaultStateDir } from '../server/auth/state-db.ts';
import { startServer } from '../server/start-server.ts';
import { WEB_DIST, ensureWebBuilt } from './ensure-web.ts';
import { UsageError, parsePort } from './usage-error.ts';
import { VERSION } from './version.ts';

/**
 * `voorraad serve [--port N] [--host H] [--dataset P] [--state-dir D] [--secure-cookies] [--acquisition-config F] [--vve-config F]
 * [--trusted-proxy A,B] [--allowed-host H,…]`: builds what is missing, then serves. --trusted-proxy (VOORRAAD_TRUSTED_PROXIES):
 * reverse proxies whose X-Forwarded-For gives the client address; --allowed-host (VOORRAAD_ALLOWED_HOSTS): Host names
 * the server answers besides localhost, 127.0.0.1 and ::1 (DNS rebinding). Users, sessions, tokens and the audit log live in the state directory (default ./.voorraad).
 */
export async function serveCommand(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      dataset: { type: 'string' },
      'no-web': { type: 'boolean', default: false },
      'state-dir': { type: 'string' },
      'secure-cookies': { type: 'boolean', default: env.VOORRAAD_SECURE_COOKIES === '1' },
      'acquisition-config': { type: 'string' },
      'vve-config': { type: 'string' },
      'trusted-proxy': { type: 'string', default: env.VOORRAAD_TRUSTED_PROXIES ?? '' },
      'allowed-host': { type: 'string', default: env.VOORRAAD_ALLOWED_HOSTS ?? '' },
    },
    strict: true,
  });
  const port =
    values.port !== undefined
      ? parsePort(values.port, '--port')
      : env.PORT !== undefined
        ? parsePort(env.PORT, 'PORT')
        : 8787;
  const log = (m: string) => console.error(`voorraad: ${m}`);
  // Checked before anything is generated or built: a bad file fails at once, naming the file and the JSON path.
  const vveConfig = values['vve-config'] === undefined ? undefined : vveConfigFrom(values['vve-config']);
  const datasetFile = values.dataset ?? SHIPPED_DATASET;
  if (values.dataset === undefined && ensureShippedDataset())
    log(`synthetische dataset gegenereerd: ${SHIPPED_DATASET}`);
  if (!values['no-web']) await ensureWebBuilt(log);
  const server = await startServer({
    datasetFile,
    port,
    host: values.host,
    webDir: values['no-web'] ? null : WEB_DIST,
    version: VERSION,
    log,
    stateDir: values['state-dir'] ?? defaultStateDir(env),
    secureCookies: values['secure-cookies'],
    acquisitionConfig: values['acquisition-config'],
    vveConfig,
    trustedProxies: listOption(values['trusted-proxy']),
    allowedHosts: listOption(values['allowed-host']),
  });
  console.log(`voorraad: ${server.url}`);
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return new Promise<number>(() => {});
}

/** A comma-separated option (`--trusted-proxy 10.0.0.1,10.0.0.2`); empty entries dropped. */
function listOption(raw: string): string[] {
  return raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Reads `--vve-config`; an unreadable or invalid file is wrong usage (exit 2) with the code, file and JSON path. */
function vveConfigFrom(file: string): VveConfig {
  try {
    return loadVveConfig(file);
  } catch (err) {
    if (!(err instanceof VveConfigError)) throw err;
    // Validation messages already carry a code per issue; file and JSON errors get theirs in front.
    throw new UsageError(`--vve-config: ${err.issues.length ? err.message : `${err.code}: ${err.message}`}`);
  }
}
