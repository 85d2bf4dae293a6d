import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const WEB_DIST = fileURLToPath(new URL('../web/dist/', import.meta.url));

/** Builds the web app with Vite when web/dist is missing (first `npm start` after `npm ci`). */
export async function ensureWebBuilt(log: (msg: string) => void): Promise<void> {
  if (existsSync(`${WEB_DIST}index.html`)) return;
  log('web app bouwen (eenmalig)…');
  const { build } = await import('vite');
  await build({ configFile: fileURLToPath(new URL('../web/vite.config.ts', import.meta.url)), logLevel: 'warn' });
}
