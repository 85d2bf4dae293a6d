import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rejectReasonNl } from './reject-reasons-nl.ts';

describe('rejectReasonNl', () => {
  it('names whole codes and field codes in Dutch words', () => {
    expect(rejectReasonNl('no-matching-dwelling')).toBe('geen woning in de dataset met dit adres of BAG-id');
    expect(rejectReasonNl('scope.outside-buurten')).toBe('ligt buiten de gekozen buurten');
    expect(rejectReasonNl('invalid.postcode')).toBe('ongeldige waarde');
    expect(rejectReasonNl('duplicate.vhe_nummer')).toBe('komt dubbel voor; de eerdere regel is gehouden');
  });

  it('shows an unknown code as itself rather than hiding it', () => {
    expect(rejectReasonNl('frobnicated')).toBe('frobnicated');
  });

  it('has words for every literal reason code an importer writes', () => {
    const dir = import.meta.dirname;
    const codes = new Set<string>();
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts'))) {
      const src = readFileSync(join(dir, f), 'utf8');
      for (const m of src.matchAll(/'((?:invalid|duplicate|missing|scope|outside)\.[\w-]+|[a-z]+(?:-[a-z]+)+)'/g))
        if (/^(invalid|duplicate|missing|scope|outside)\.|^(no-matching|ambiguous|older-than)/.test(m[1]!))
          codes.add(m[1]!);
    }
    expect(codes.size).toBeGreaterThan(20);
    for (const code of codes) expect(rejectReasonNl(code), code).not.toBe(code);
  });
});
