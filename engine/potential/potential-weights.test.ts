import { describe, expect, it } from 'vitest';
import shipped from '../../config/potential-weights.default.json' with { type: 'json' };
import {
  DEFAULT_POTENTIAL_WEIGHTS,
  parsePotentialWeights,
  parsePotentialWeightsText,
  weightsVersion,
} from './potential-weights.ts';

const copy = (): Record<string, unknown> => structuredClone(shipped) as Record<string, unknown>;

describe('potential weights file', () => {
  it('accepts the shipped file and states its version and validity', () => {
    expect(DEFAULT_POTENTIAL_WEIGHTS.interventions.verkoop.corporationConcentration).toEqual({
      weight: 40,
      direction: 'hoog',
    });
    expect(weightsVersion(DEFAULT_POTENTIAL_WEIGHTS)).toBe('gewichten v1, geldig vanaf 2026-01-01 (aanname)');
  });

  it('names the JSON path and the allowed values of a bad entry', () => {
    const w = copy();
    (w.interventions as Record<string, Record<string, unknown>>).verkoop!.energyNeed = {
      weight: 15,
      direction: 'omhoog',
    };
    const r = parsePotentialWeights(w);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues[0]).toMatchObject({
      code: 'potential-weights.invalid-value',
      path: ['interventions', 'verkoop', 'energyNeed', 'direction'],
    });
    expect(r.issues[0]!.message).toContain('hoog');
  });

  it('refuses an unknown indicator, an out-of-range weight and a missing source', () => {
    const w = copy();
    (w.interventions as Record<string, Record<string, unknown>>).aankoop!.kleur = { weight: 1, direction: 'hoog' };
    (w.interventions as Record<string, Record<string, unknown>>).renovatie!.energyNeed = {
      weight: 101,
      direction: 'hoog',
    };
    delete w.source;
    const r = parsePotentialWeights(w);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => [i.code, i.path?.join('.')])).toEqual(
      expect.arrayContaining([
        ['potential-weights.unknown-key', 'interventions.aankoop.kleur'],
        ['potential-weights.out-of-range', 'interventions.renovatie.energyNeed.weight'],
        ['potential-weights.missing', 'source'],
      ]),
    );
  });

  it('refuses an intervention whose weights are all zero, and inconsistent bounds', () => {
    const w = copy();
    (w.interventions as Record<string, unknown>).renovatie = { energyNeed: { weight: 0, direction: 'hoog' } };
    let r = parsePotentialWeights(w);
    expect(r.ok ? null : r.issues).toEqual([
      expect.objectContaining({ code: 'potential-weights.all-zero', path: ['interventions', 'renovatie'] }),
    ]);
    const b = copy();
    (b.parameters as Record<string, unknown>).maintenanceHorizonYears = 3;
    r = parsePotentialWeights(b);
    expect(r.ok ? null : r.issues[0]?.path).toEqual(['parameters', 'maintenanceHorizonYears']);
  });

  it('reports text that is not JSON', () => {
    const r = parsePotentialWeightsText('{"version": 1,');
    expect(r.ok ? null : r.issues[0]?.code).toBe('potential-weights.json');
  });
});
