import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';

/** A file that could not be written (disk full, read-only, no permission); the previous file, if any, is unchanged. */
export class FileWriteError extends Error {
  readonly code = 'file.write-failed';
  constructor(
    readonly file: string,
    readonly errno: string,
    detail: string,
  ) {
    super(`${file}: could not write (${errno}: ${detail}); the previous file, if any, is unchanged`);
  }
}

/**
 * Writes `body` to `<file>.tmp-<pid>`, flushes it to disk and renames it over `file`: a full disk or a crash
 * mid-write leaves the old file whole, never a truncated one. Errors from the disk become a FileWriteError.
 */
export function writeFileAtomic(file: string, body: string | Uint8Array): void {
  const tmp = `${file}.tmp-${process.pid}`;
  let fd: number | null = null;
  try {
    fd = openSync(tmp, 'w');
    const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at, bytes.length - at);
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    renameSync(tmp, file);
  } catch (err) {
    if (fd !== null) {
      try {
        closeSync(fd);
      } catch {
        // already failing: the write error below is the one to report
      }
    }
    rmSync(tmp, { force: true });
    const e = err as NodeJS.ErrnoException;
    if (typeof e.code === 'string' && /^E[A-Z]+$/.test(e.code)) throw new FileWriteError(file, e.code, e.message);
    throw err;
  }
}
