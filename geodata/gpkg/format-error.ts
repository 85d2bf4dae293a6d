/**
 * Malformed geodata input (WKB, GeoPackage blobs and files, tile archives).
 * `code` is stable (e.g. 'wkb.truncated', 'gpkg.bad-magic') so callers and a Dutch UI can branch on it;
 * `message` names what was expected and what was found.
 */
export class GeodataFormatError extends Error {
  constructor(
    public readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'GeodataFormatError';
  }
}
