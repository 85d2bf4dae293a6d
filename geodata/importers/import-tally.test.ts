import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test/fixtures/importers/harness.ts';
import { ImportTally, type Rejection } from './import-tally.ts';
import { RejectReport } from './reject-report.ts';

const dir = tempDir('tally');

describe('import tally and rejected-rows report', () => {
  it('counts read = accepted + rejected by reason, reasons sorted', () => {
    const seen: Rejection[] = [];
    const t = new ImportTally((r) => seen.push(r));
    t.read(3);
    t.accept();
    t.reject({ row: '3', field: 'postcode', reason: 'invalid.postcode', message: 'x' });
    t.reject({ row: '4', field: 'status', reason: 'a.first', message: 'y' });
    expect(t.summary()).toEqual({
      read: 3,
      accepted: 1,
      rejected: 2,
      reasons: { 'a.first': 1, 'invalid.postcode': 1 },
    });
    expect(Object.keys(t.summary().reasons)).toEqual(['a.first', 'invalid.postcode']);
    expect(seen).toHaveLength(2);
  });

  it('refuses a summary when rows went missing (an importer bug)', () => {
    const t = new ImportTally();
    t.read(2);
    t.accept();
    expect(() => t.summary()).toThrow(/read 2 ≠ accepted 1 \+ rejected 0/);
  });

  it('writes a CSV report only when something was rejected, quoting as needed', () => {
    const file = join(dir, 'r.csv');
    const empty = new RejectReport(file);
    expect(empty.commit()).toBeNull();
    expect(existsSync(file)).toBe(false);
    const r = new RejectReport(file);
    r.add({ row: '7', field: 'huur', reason: 'invalid.huur', message: 'expected a rent, found "veel; heel veel"' });
    r.add({ row: 'rij 8', field: 'naam', reason: 'invalid.naam', message: '=HYPERLINK("http://x")' });
    expect(existsSync(file)).toBe(false);
    expect(r.commit()).toBe(file);
    expect(readFileSync(file, 'utf8')).toBe(
      '\uFEFFrij;veld;reden;code;melding\r\n7;huur;ongeldige waarde;invalid.huur;"expected a rent, found ""veel; heel veel"""\r\nrij 8;naam;ongeldige waarde;invalid.naam;"\'=HYPERLINK(""http://x"")"\r\n',
    );
  });

  it('leaves neither report nor temporary file when aborted', () => {
    const file = join(dir, 'a.csv');
    const r = new RejectReport(file);
    r.add({ row: '1', field: 'x', reason: 'y', message: 'z' });
    r.abort();
    expect(existsSync(file)).toBe(false);
    expect(existsSync(`${file}.tmp-${process.pid}`)).toBe(false);
  });

  it('asks for --report when the report cannot be written next to the input', () => {
    const r = new RejectReport(join(dir, 'no-such-dir', 'r.csv'));
    expect(() => r.add({ row: '1', field: 'x', reason: 'y', message: 'z' })).toThrow(
      /--report: cannot write the rejected-rows report .*pass --report <path>/,
    );
  });
});
