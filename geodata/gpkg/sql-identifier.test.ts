import { describe, expect, it } from 'vitest';
import { GeodataFormatError } from './format-error.ts';
import { assertNewName, quoteIdent } from './sql-identifier.ts';

describe('quoteIdent', () => {
  it('double-quotes and escapes embedded quotes', () => {
    expect(quoteIdent('buurten')).toBe('"buurten"');
    expect(quoteIdent('a"b')).toBe('"a""b"');
  });
});

describe('assertNewName', () => {
  it('accepts plain names and rejects punctuation and reserved prefixes', () => {
    expect(() => assertNewName('woningen_2025', 'table')).not.toThrow();
    for (const bad of ['', '2025_woningen', 'wijk-buurt', 'naïef', 'gpkg_x', 'SQLITE_x', 'rtree_x']) {
      expect(() => assertNewName(bad, 'table')).toThrow(GeodataFormatError);
    }
    expect(() => assertNewName('a b', 'column')).toThrow('column: expected a name of letters, digits and _');
  });
});
