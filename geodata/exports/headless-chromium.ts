import { existsSync } from 'node:fs';

/**
 * Debian's Chromium, driven by playwright-core (never a Playwright browser download): the PDF of the progress report
 * and the browser tests use the same binary and flags. Without the background-networking flags Chromium floods the
 * closed network with refused connections.
 */
export const CHROMIUM = '/usr/bin/chromium';
export const haveChromium = (): boolean => existsSync(CHROMIUM);

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
] as const;
