import { describe, expect, it } from 'vitest';
import { DatasetFileError } from '../geodata/dataset-store.ts';
import { ImportOptionError } from '../geodata/importers/import-error.ts';
import { EXIT, expectedFailure } from './exit-codes.ts';
import { UsageError } from './usage-error.ts';

describe('one error → exit code mapping', () => {
  it('gives command-line mistakes 2, coded input failures 1 with their code, and bugs null', () => {
    expect(expectedFailure(new UsageError('--port: expected a port'))).toEqual({
      exit: EXIT.usage,
      line: '--port: expected a port',
    });
    expect(expectedFailure(new ImportOptionError('--crs', 'unknown'))).toEqual({
      exit: EXIT.usage,
      line: '--crs: unknown',
    });
    expect(expectedFailure(new DatasetFileError('dataset.missing', 'x.gpkg', 'no such file'))).toEqual({
      exit: EXIT.failed,
      line: 'dataset.missing: x.gpkg: no such file',
    });
    expect(expectedFailure(Object.assign(new Error('listen EADDRINUSE'), { code: 'EADDRINUSE' }))?.exit).toBe(
      EXIT.failed,
    );
    expect(expectedFailure(new TypeError('x is undefined'))).toBeNull();
    expect(expectedFailure('not an error')).toBeNull();
  });
});
