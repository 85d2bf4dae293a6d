import { fileURLToPath } from 'node:url';
import { build } from 'vite';

/**
 * Global setup of the `slow` project: builds the web app into web/dist ONCE per test run, so every browser test
 * serves the app as it is now (not a stale build) without each file paying a Vite build. `voorraad serve` (the
 * map test's child process) serves the same web/dist.
 */
export default async function setup(): Promise<void> {
  const t0 = performance.now();
  await build({ configFile: fileURLToPath(new URL('../../web/vite.config.ts', import.meta.url)), logLevel: 'warn' });
  console.log(`web/dist built for the browser tests in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}
