import { describe, expect, it } from 'vitest';
import { DEFAULT_BUURT_PARAMETERS, parseBuurtParameters, parseBuurtParametersText } from './buurt-parameters-config.ts';

const shipped = () =>
  structuredClone(DEFAULT_BUURT_PARAMETERS) as Record<string, unknown> & typeof DEFAULT_BUURT_PARAMETERS;

describe('buurt parameters file', () => {
  it('the shipped file says which rows are synthetic, each with its source and retrieval date', () => {
    expect(DEFAULT_BUURT_PARAMETERS.buurten.BU16740202).toMatchObject({
      name: 'Kalsdonk',
      incomeShares: { laag: 0.42 },
      synthetic: true,
      assumption: true,
    });
    for (const b of Object.values(DEFAULT_BUURT_PARAMETERS.buurten)) {
      expect(b.source.length).toBeGreaterThan(20);
      expect(b.retrieved).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('refuses income shares that do not add up to 1, naming the buurt', () => {
    const bad = shipped();
    bad.buurten.BU16740202!.incomeShares.laag = 0.5;
    expect(parseBuurtParameters(bad)).toMatchObject({
      ok: false,
      issues: [{ code: 'buurt-parameters.income-shares.sum', path: ['buurten', 'BU16740202', 'incomeShares'] }],
    });
  });

  it('refuses a row without source or retrieval date, a bad buurt code, an unknown key and bad JSON', () => {
    const noSource = shipped() as unknown as { buurten: Record<string, Record<string, unknown>> };
    delete noSource.buurten.BU16740300!.source;
    const r1 = parseBuurtParameters(noSource);
    expect(r1.ok).toBe(false);
    expect(!r1.ok && r1.issues[0]!.path).toEqual(['buurten', 'BU16740300', 'source']);
    const badCode = shipped();
    (badCode.buurten as Record<string, unknown>)['Kalsdonk'] = badCode.buurten.BU16740202;
    expect(parseBuurtParameters(badCode).ok).toBe(false);
    const extra = { ...shipped(), lowIncomeShare: 0.08 };
    expect(parseBuurtParameters(extra)).toMatchObject({
      ok: false,
      issues: [{ code: 'buurt-parameters.unknown-key', path: ['lowIncomeShare'] }],
    });
    expect(parseBuurtParametersText('{')).toMatchObject({ ok: false, issues: [{ code: 'buurt-parameters.json' }] });
  });

  it('refuses a validity that ends before it starts', () => {
    expect(parseBuurtParameters({ ...shipped(), validTo: '2024-01-01' })).toMatchObject({
      ok: false,
      issues: [{ code: 'buurt-parameters.validity' }],
    });
  });
});
