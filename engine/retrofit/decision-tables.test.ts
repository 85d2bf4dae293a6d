import { describe, expect, it } from 'vitest';
import { DWELLING_TYPES } from '../dwelling.ts';
import {
  buildDecisionTables,
  POS_NONE,
  POS_OWN,
  POS_UNKNOWN,
  YC_GAS_FREE,
  YC_INSULATED,
  YC_SOLID,
} from './decision-tables.ts';
import { MEASURE_REASONS } from './measure-ids.ts';
import { DEFAULT_PARAMS } from './params.ts';

const D = buildDecisionTables(DEFAULT_PARAMS);
const reason = (r: number) => MEASURE_REASONS[r];

describe('decision tables', () => {
  it('classify build years: solid walls before 1920, insulated from 1992, gas-free from 2019', () => {
    expect(D.yearClass[1900]).toBe(YC_SOLID);
    expect(D.yearClass[1965]).toBe(0);
    expect(D.yearClass[1995]).toBe(YC_INSULATED);
    expect(D.yearClass[2020]).toBe(YC_INSULATED | YC_GAS_FREE);
    expect(D.cavityRiskYear[1975]).toBe(1);
    expect(D.cavityRiskYear[1976]).toBe(0);
  });
  it('cavity wall: applies only to an unfilled cavity of 1920–1991', () => {
    expect(reason(D.reasonWall[0 * 5 + 0]!)).toBe('applies');
    expect(reason(D.reasonWall[0 * 5 + 1]!)).toBe('already-insulated');
    expect(reason(D.reasonWall[YC_SOLID * 5 + 0]!)).toBe('solid-wall');
    expect(reason(D.reasonWall[YC_INSULATED * 5 + 2]!)).toBe('insulated-at-construction');
  });
  it("roof and floor: need the dwelling's own roof / ground floor, or an unknown position (counted at its probability)", () => {
    expect(reason(D.reasonRoof[POS_OWN * 8 * 5 + 1]!)).toBe('applies');
    expect(reason(D.reasonRoof[POS_OWN * 8 * 5 + 2]!)).toBe('already-insulated');
    expect(reason(D.reasonRoof[POS_NONE * 8 * 5]!)).toBe('no-own-roof');
    expect(reason(D.reasonFloor[POS_NONE * 8 * 5]!)).toBe('no-ground-floor');
    expect(reason(D.reasonFloor[POS_UNKNOWN * 8 * 5]!)).toBe('applies');
    expect(reason(D.reasonRoof[POS_UNKNOWN * 8 * 5 + 2]!)).toBe('already-insulated');
  });
  it('glazing applies to single and double glass; the heat pump not without a gas connection', () => {
    expect([...D.reasonGlazing].map(reason)).toEqual([
      'applies',
      'applies',
      'already-insulated',
      'already-insulated',
      'already-insulated',
    ]);
    expect(reason(D.reasonHybrid[YC_INSULATED | YC_GAS_FREE]!)).toBe('no-gas-connection');
  });
  it('positions, floors, prices and routes', () => {
    expect(D.roofPosition[1 * 4]).toBe(POS_OWN); // ground-bound
    expect(D.roofPosition[0 * 4 + 1 * 2]).toBe(POS_UNKNOWN);
    expect(D.roofPosition[0 * 4 + 0 * 2 + 0]).toBe(POS_NONE);
    expect(D.floorsOf[DWELLING_TYPES.indexOf('vrijstaand') * 256 + 1]).toBe(1);
    expect(D.floorsOf[DWELLING_TYPES.indexOf('maisonnette') * 256 + 4]).toBe(2);
    expect(D.project[(0 * 4 + 1) * 2 + 0]).toBe(1); // corporation: project price by rule
    expect(D.project[(0 * 4 + 0) * 2 + 1]).toBe(1); // VvE: project price by rule
    expect(D.project[(1 * 4 + 1) * 2 + 1]).toBe(0); // forced individual
    expect(D.route[(0 * 2 + 1) * 2 + 0]).toBe(0); // owner-occupied ground-bound: pre-SMP
  });
});
