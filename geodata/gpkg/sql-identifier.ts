import { GeodataFormatError } from './format-error.ts';

// Plain ASCII names keep the derived rtree_<t>_<c> names predictable and portable to other tools.
const SIMPLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Quotes an SQLite identifier, doubling embedded quotes. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Rejects names this project will not create: non-ASCII, punctuation, or the reserved gpkg_ / sqlite_ / rtree_ prefixes. */
export function assertNewName(name: string, what: string): void {
  if (!SIMPLE_NAME.test(name) || /^(gpkg|sqlite|rtree)_/i.test(name)) {
    throw new GeodataFormatError(
      'gpkg.bad-identifier',
      `${what}: expected a name of letters, digits and _ not starting with gpkg_, sqlite_ or rtree_, found ${JSON.stringify(name)}`,
    );
  }
}
