import { parseArgs } from 'node:util';
import { SHIPPED_DATASET, ensureShippedDataset } from '../geodata/shipped.ts';
import { defaultStateDir } from '../server/auth/state-db.ts';
import { startServer } from '../server/start-server.ts';
import { WEB_DIST, ensureWebBuilt } from './ensure-web.ts';
import { parsePort } from './usage-error.ts';
import { VERSION } from './version.ts';

/**
 * `voorraad serve [--port N] [--host H] [--dataset P] [--state-dir D] [--secure-cookies]`: builds what is missing,
 * then serves. Users, sessions, tokens and the audit log live in the state directory (default ./.voorraad).
 */
export async function serveCommand(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' }, host: { type: 'string', default: '127.0.0.1' }, dataset: { type: 'string' }, 'no-web': { type: 'boolean', default: false },
      'state-dir': { type: 'string' }, 'secure-cookies': { type: 'boolean', default: env.VOORRAAD_SECURE_COOKIES === '1' }, 'acquisition-config': { type: 'string' },
    },
    strict: true,
  });
  const port = values.port !== undefined ? parsePort(values.port, '--port') : env.PORT !== undefined ? parsePort(env.PORT, 'PORT') : 8787;
  const log = (m: string) => console.error(`voorraad: ${m}`);
  const datasetFile = values.dataset ?? SHIPPED_DATASET;
  if (values.dataset === undefined && ensureShippedDataset()) log(`synthetische dataset gegenereerd: ${SHIPPED_DATASET}`);
  if (!values['no-web']) await ensureWebBuilt(log);
  const server = await startServer({
    datasetFile, port, host: values.host, webDir: values['no-web'] ? null : WEB_DIST, version: VERSION, log,
    stateDir: values['state-dir'] ?? defaultStateDir(env), secureCookies: values['secure-cookies'], acquisitionConfig: values['acquisition-config'],
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
