import { vi } from 'vitest';

export interface CapturedRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs a CLI command (`main(argv)` or one command function) with stdout and stderr captured instead of printed.
 * Byte chunks are decoded as UTF-8, so binary-safe writes (exports to stdout) read back as the text they carry.
 */
export async function captureOutput(run: () => Promise<number>): Promise<CapturedRun> {
  let stdout = '',
    stderr = '';
  const text = (s: string | Uint8Array): string => (typeof s === 'string' ? s : Buffer.from(s).toString('utf8'));
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((stdout += text(s)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((stderr += text(s)), true));
  try {
    return { code: await run(), stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

/**
 * `voorraad <argv>` in this process, through cli/main.ts with its error handling and exit codes, output captured.
 * Parsing and output are tested this way; test/cli/cli-smoke.test.ts keeps a few real child processes
 * (bin/voorraad.js) for the exit status a shell sees.
 */
export async function runCli(argv: string[]): Promise<CapturedRun> {
  const { main } = await import('../../cli/main.ts');
  return captureOutput(() => main(argv));
}
