import { describe, expect, it } from 'vitest';
import { WhatIfResponseSchema } from './retrofit-schemas.ts';
import { whatIf } from './what-if.ts';
import { parseWhatIfInput } from './what-if-input.ts';

const base = { type: 'tussenwoning', bouwjaar: 1965, oppervlakte: 100, date: '2025-03-01' };

describe('what-if input', () => {
  it.each([
    [{ ...base, type: 'flat' }, 'whatif.type.unknown', ['type'], 'tussenwoning, hoekwoning, twee-onder-een-kap'],
    [{ ...base, bouwjaar: 1499 }, 'whatif.bouwjaar.range', ['bouwjaar'], '1500 to 2100'],
    [{ ...base, bouwjaar: 2101 }, 'whatif.bouwjaar.range', ['bouwjaar'], '1500 to 2100'],
    [{ ...base, bouwjaar: 1965.5 }, 'whatif.bouwjaar.invalid', ['bouwjaar'], 'integer'],
    [{ ...base, bouwjaar: 2026 }, 'whatif.bouwjaar.future', ['bouwjaar'], 'not after the planning date'],
    [{ ...base, oppervlakte: 0 }, 'whatif.oppervlakte.range', ['oppervlakte'], 'at least 1 and at most 10000'],
    [{ ...base, oppervlakte: 10_001 }, 'whatif.oppervlakte.range', ['oppervlakte'], 'at most 10000'],
    [{ ...base, label: 'H' }, 'whatif.label.unknown', ['label'], 'A++++, A+++'],
    [{ ...base, eigendom: 'huur' }, 'whatif.eigendom.unknown', ['eigendom'], 'eigenaar-bewoner, corporatie'],
    [{ ...base, date: '2025-02-30' }, 'whatif.date.invalid', ['date'], 'YYYY-MM-DD'],
    [{ ...base, floorLevel: 4, storeys: 4 }, 'whatif.floorLevel.range', ['floorLevel'], 'not below storeys'],
    [{ ...base, elements: { cavityWall: 'N7' } }, 'whatif.elements.unknown', ['elements', 'cavityWall'], 'N0, N1'],
    [{ ...base, kleur: 'rood' }, 'whatif.unknown-field', ['kleur'], 'allowed: type, bouwjaar'],
    [{ bouwjaar: 1965, oppervlakte: 100, date: '2025-03-01' }, 'whatif.type.missing', ['type'], 'required'],
  ])('%j → %s', (input, code, path, text) => {
    const r = parseWhatIfInput(input);
    expect(r).toMatchObject({ ok: false, issues: [{ code, path }] });
    expect(!r.ok && r.issues[0]!.message).toContain(text);
  });
});

describe('what-if result', () => {
  it('has the shape of the issue and lists every default it filled in', () => {
    const r = whatIf({ ...base, label: 'E' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    WhatIfResponseSchema.parse({ ...r.value, warnings: r.warnings });
    expect(r.value.assumptions.map((a) => a.field)).toEqual([
      'eigendom',
      'storeys',
      'roofShape',
      'facadeAzimuthDeg',
      'inVve',
      'lowIncomeShare',
    ]);
    expect(r.value.labelBeforeSource).toBe('given');
    expect(r.value.package.labelAfter < 'E' || r.value.package.labelAfter.startsWith('A')).toBe(true);
  });
  it('estimates the label from EP2 when none is given', () => {
    const bare = whatIf({ ...base, elements: { cavityWall: 'N0', roof: 'N0', floor: 'N0', glazing: 'N0' } });
    const good = whatIf({ ...base, elements: { cavityWall: 'N3', roof: 'N3', floor: 'N3', glazing: 'N3' } });
    if (!bare.ok || !good.ok) throw new Error('what-if failed');
    expect(bare.value.labelBeforeSource).toBe('estimated');
    expect(['D', 'E', 'F', 'G']).toContain(bare.value.labelBefore);
    expect(bare.value.ep2Before).toBeGreaterThan(good.value.ep2Before * 1.8);
  });
  it('an unknown natuurkalender is a coded error listing the shipped ones', () => {
    expect(whatIf({ ...base, calendar: 'overijssel' })).toMatchObject({
      ok: false,
      issues: [{ code: 'whatif.calendar.unknown', path: ['calendar'] }],
    });
  });
  it('warns when the national line is not in force on the planning date', () => {
    const r = whatIf({ ...base, date: '2028-01-01' });
    // 2028 is also past the shipped subsidy rows: costs stay gross and a second warning says so.
    expect(r.ok && r.warnings.map((w) => w.code)).toEqual(['natuurkalender.not-valid', 'subsidies.date.uncovered']);
    expect(r.ok && r.value.subsidies).toBeNull();
  });
  it('gives an owner-occupied tussenwoning with two measures a net cost below the gross, at the two-measure rate', () => {
    const r = whatIf({
      ...base,
      date: '2026-03-01',
      eigendom: 'eigenaar-bewoner',
      elements: { cavityWall: 'N0', roof: 'N4', floor: 'N4', glazing: 'N4' },
    });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const s = r.value.subsidies!;
    expect(r.value.package.measures).toEqual(['cavity-wall', 'hybrid-heat-pump']);
    expect(s.tenure).toBe('owner-occupier');
    expect(s.grossEur).toBe(r.value.package.costEur);
    expect(s.netEur).toBeLessThan(s.grossEur);
    expect(s.netEur).toBe(s.grossEur - s.subsidyEur);
    const wall = s.measures.find((m) => m.id === 'cavity-wall')!;
    expect(wall.subsidyEur).toBe(Math.round(0.3 * wall.grossEur));
    expect(s.rulesUsed.map((u) => u.version)).toEqual(['isde-2026', 'roosendaal-te-bevestigen']);
  });
  it('gives a rented dwelling no subsidy: net equals gross', () => {
    const r = whatIf({ ...base, date: '2026-03-01', eigendom: 'corporatie' });
    expect(r.ok && r.value.subsidies).toMatchObject({ tenure: 'other', subsidyEur: 0 });
    expect(r.ok && r.value.subsidies!.netEur).toBe(r.ok && r.value.package.costEur);
  });
  it('is deterministic', () => {
    expect(whatIf({ ...base, label: 'D' })).toEqual(whatIf({ ...base, label: 'D' }));
  });
});

describe('what-if: the energy quote uses the household’s income band', () => {
  const ep = (x: Record<string, unknown>) => {
    const r = whatIf({ ...base, label: 'C', lowIncomeShare: 0.5, ...x });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    return r.value.priority.breakdown.energyPoverty;
  };
  it('a higher band weighs the same bill less; no band is the band laag', () => {
    expect(ep({ incomeBand: 'laag' })).toBe(ep({}));
    expect(ep({ incomeBand: 'midden' })).toBeLessThan(ep({ incomeBand: 'laag' }));
  });
  it('refuses an unknown band, naming the allowed ones', () => {
    const r = parseWhatIfInput({ ...base, incomeBand: 'rijk' });
    expect(r).toMatchObject({ ok: false, issues: [{ code: 'whatif.incomeBand.unknown', path: ['incomeBand'] }] });
    expect(!r.ok && r.issues[0]!.message).toContain('laag, daeb, midden, hoog');
  });
});

describe('what-if: a flat of unknown floor gets roof and floor at the probability its building gives', () => {
  const flat = { type: 'portiek', bouwjaar: 1962, oppervlakte: 70, date: '2025-03-01', label: 'F' };
  const roofCost = (storeys: number) => {
    const r = whatIf({ ...flat, storeys, roofShape: 'plat' });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    return r.value.measures.find((m) => m.id === 'roof')!.costEur;
  };
  it('1 / storeys: twice the share in a two-storey block as in a four-storey one', () => {
    expect(roofCost(2) / roofCost(4)).toBeCloseTo(2, 1);
    expect(roofCost(4)).toBeGreaterThan(0);
  });
});
