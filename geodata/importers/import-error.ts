/**
 * A source file that cannot be imported as a whole (wrong delimiter, encoding, header, CRS, format).
 * `code` is stable ('import.delimiter', 'import.encoding', 'import.header', 'import.crs', 'import.format',
 * 'import.syntax', 'import.forbidden-column') so the CLI and a Dutch UI can branch on it; the message names
 * what was expected and what was found. Row-level problems are rejections, not errors.
 */
export class ImportFormatError extends Error {
  constructor(
    readonly code: ImportErrorCode,
    readonly file: string,
    readonly expected: string,
    readonly found: string,
  ) {
    super(`${file}: expected ${expected}, found ${found}`);
    this.name = 'ImportFormatError';
  }
}

export type ImportErrorCode =
  | 'import.missing-file'
  | 'import.format'
  | 'import.encoding'
  | 'import.delimiter'
  | 'import.header'
  | 'import.crs'
  | 'import.syntax'
  | 'import.forbidden-column';

/** An option that does not fit the dataset (e.g. --buurten naming a buurt it lacks); the CLI maps it to a usage error. */
export class ImportOptionError extends Error {
  constructor(
    readonly option: string,
    message: string,
  ) {
    super(`${option}: ${message}`);
    this.name = 'ImportOptionError';
  }
}
