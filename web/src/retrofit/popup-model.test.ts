import { beforeAll, describe, expect, it } from 'vitest';
import { toColumns } from '../../../engine/dwelling-table.ts';
import type { DwellingDetail } from '../../../engine/retrofit/scores-json.ts';
import { retrofitContext } from '../../../engine/retrofit/stock.ts';
import { DEFAULT_WEIGHTS } from '../../../engine/retrofit/weights.ts';
import { smallDataset } from '../../../engine/test-fixtures/small-dataset.ts';
import { createEngineService } from '../../../workers/engine-service.ts';
import { costLine, formatPayback, measureName, retrofitPopupModel, todayInNl } from './popup-model.ts';
import { defaultFactors } from './weights-model.ts';

const nbsp = (s: string): string => s.replace(/[\u00a0\u202f]/g, ' ');
let details: DwellingDetail[];

beforeAll(async () => {
  const ds = smallDataset();
  const table = toColumns(ds.dwellings);
  const engine = createEngineService();
  await engine.load(table);
  await engine.retrofitLoadContext(retrofitContext(ds, table.buurtCodes));
  details = [];
  for (const vboId of table.vboId) {
    const r = await engine.retrofitDwelling(vboId, '2025-03-01', DEFAULT_WEIGHTS);
    if (!r.ok) throw new Error(r.issues[0]!.message);
    details.push(r.value);
  }
});

describe('retrofit popup model', () => {
  it('names the measures in Dutch', () => {
    expect(measureName('cavity-wall')).toBe('Spouwmuurisolatie');
    expect(measureName('glazing')).toBe('HR++-glas');
    expect(measureName('hybrid-heat-pump')).toBe('Hybride warmtepomp');
  });

  it('lists every measure once: with cost and savings, or with the reason it does not apply', () => {
    for (const d of details) {
      const m = retrofitPopupModel(d, defaultFactors(), '2025-03-01');
      expect([...m.measures.map((r) => r.id), ...m.notApplicable.map((n) => n.id)].sort()).toEqual([
        'cavity-wall',
        'floor',
        'glazing',
        'hybrid-heat-pump',
        'roof',
      ]);
      for (const n of m.notApplicable) expect(n.reason.length).toBeGreaterThan(5);
    }
    const d = details.find((x) => x.measureDetails.some((r) => r.id === 'cavity-wall'))!;
    const m = retrofitPopupModel(d, defaultFactors(), '2025-03-01');
    const cavity = m.measures.find((r) => r.id === 'cavity-wall')!;
    const src = d.measureDetails.find((r) => r.id === 'cavity-wall')!;
    expect(cavity.name).toBe('Spouwmuurisolatie');
    expect(nbsp(cavity.cost)).toBe(`€ ${new Intl.NumberFormat('nl-NL').format(src.costEur)}`);
    expect(cavity.gas).toBe(new Intl.NumberFormat('nl-NL').format(src.gasSavingM3PerYear));
    expect(cavity.labelAfter).toBe(src.labelAfter);
    expect(cavity.payback).toMatch(src.paybackYears === null ? /^nooit$/ : /^\d+,\d$/);
  });

  it('shows how each factor adds to the priority, out of its share', () => {
    const d = details[0]!;
    const m = retrofitPopupModel(d, defaultFactors(), '2025-03-01');
    expect(m.bars.map((b) => b.label)).toEqual([
      'Energiearmoede',
      'Slecht label',
      'Gasbesparing',
      'Kosteneffectiviteit',
      'Ecologisch eenvoudig',
    ]);
    expect(m.bars.map((b) => b.maxPoints)).toEqual([30, 20, 20, 20, 10].map((x) => expect.closeTo(x, 9)));
    expect(m.bars.reduce((a, b) => a + b.points, 0)).toBeCloseTo(d.priority, 0);
    expect(m.bars[0]!.text).toMatch(/^\d+,\d van 30,0$/);
    expect(m.priority).toBe(
      new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(d.priority),
    );
  });

  it('gives the route and the earliest dates as Dutch dates', () => {
    const d = details.find((x) => x.ecology.earliestExclusion !== null)!;
    const m = retrofitPopupModel(d, defaultFactors(), '2025-03-01');
    const row = (label: string): string => m.ecology.find((r) => r.label === label)!.value;
    expect(['pre-SMP', 'gedragscode corporatie', 'individueel ecologisch onderzoek']).toContain(row('Route'));
    expect(row('Natuurvrij maken vanaf')).toMatch(/^\d{1,2} [a-z]+ \d{4}$/);
    expect(row('Isoleren vanaf')).toMatch(/^\d{1,2} [a-z]+ \d{4}$/);
    expect(row('Gerekend vanaf')).toMatch(/^1 maart 2025 \(natuurkalender /);
    expect(nbsp(m.packageLine)).toMatch(/^Alle maatregelen samen: € [\d.]+, /);
  });

  it("says when a payback never comes and a buurt's income share is a default", () => {
    expect(formatPayback(null)).toBe('niet terug te verdienen');
    expect(formatPayback(6.64)).toBe('6,6 jaar');
    const d = details.find((x) => x.lowIncomeShareSource === 'config')!;
    expect(retrofitPopupModel(d, defaultFactors(), '2025-03-01').incomeNote).toContain('buurtparameters');
    const fallback = { ...d, lowIncomeShareSource: 'fallback' as const };
    expect(retrofitPopupModel(fallback, defaultFactors(), '2025-03-01').incomeNote).toContain('terugvalwaarde');
    const cbs = details.find((x) => x.lowIncomeShareSource === 'cbs')!;
    expect(retrofitPopupModel(cbs, defaultFactors(), '2025-03-01').incomeNote).toBeNull();
  });

  it('takes today in the Netherlands as the planning date', () => {
    expect(todayInNl(new Date('2025-03-01T23:30:00Z'))).toBe('2025-03-02');
    expect(todayInNl(new Date('2025-07-01T12:00:00Z'))).toBe('2025-07-01');
  });
});

describe('retrofit popup: net cost beside gross cost', () => {
  it('shows gross, subsidy and net in Dutch euros for the planning date', () => {
    const d = details.find((x) => x.measures.applicable.length > 0 && (x.measures.subsidyEur ?? 0) > 0);
    expect(d, 'a dwelling with a subsidised package').toBeDefined();
    const line = nbsp(costLine(d!, '2025-03-01'));
    const eur = (x: number) => `€ ${new Intl.NumberFormat('nl-NL').format(x)}`;
    expect(line).toBe(
      `Bruto ${eur(d!.measures.costEur)} − subsidie ${eur(d!.measures.subsidyEur!)} = netto ${eur(d!.measures.netCostEur!)} voor de eigenaar (subsidies op 1 maart 2025)`,
    );
    expect(d!.measures.netCostEur).toBe(d!.measures.costEur - d!.measures.subsidyEur!);
    expect(retrofitPopupModel(d!, defaultFactors(), '2025-03-01').costLine).toBe(costLine(d!, '2025-03-01'));
  });

  it('says the net cost is unknown when no subsidy row covers the date, and never shows € 0 for it', () => {
    const d = details.find((x) => x.measures.applicable.length > 0)!;
    const unknown = { measures: { ...d.measures, subsidyEur: null, netCostEur: null } };
    expect(nbsp(costLine(unknown, '2030-01-01'))).toContain('netto onbekend: geen subsidieregels voor 1 januari 2030');
  });
});
