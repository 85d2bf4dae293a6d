import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePermitProfile, SHIPPED_PERMIT_PROFILES } from '../engine/planner/permit-profile.ts';
import { parseNatuurkalender, SHIPPED_CALENDARS } from '../engine/retrofit/natuurkalender.ts';
import { DEFAULT_WEIGHTS, parseWeightsText } from '../engine/retrofit/weights.ts';
import { DEFAULT_POTENTIAL_WEIGHTS, parsePotentialWeightsText } from '../engine/potential/potential-weights.ts';
import {
  DEFAULT_BUURT_PARAMETERS,
  parseBuurtParametersText,
} from '../engine/buurt-parameters/buurt-parameters-config.ts';
import { SHIPPED_RULE_FILES } from '../engine/rules/shipped-rules.ts';
import { CONFIG_FILES } from './config-files.ts';

describe('shipped config files', () => {
  it('the weights file validates and is what the engine embeds', () => {
    const r = parseWeightsText(readFileSync(CONFIG_FILES.weights, 'utf8'));
    expect(r.ok && r.value).toEqual(DEFAULT_WEIGHTS);
  });

  it('the potentiekaart weights file validates and is what the engine embeds', () => {
    const r = parsePotentialWeightsText(readFileSync(CONFIG_FILES.potentialWeights, 'utf8'));
    expect(r.ok && r.value).toEqual(DEFAULT_POTENTIAL_WEIGHTS);
  });

  it('the buurt parameters file validates and is what the engine embeds', () => {
    const r = parseBuurtParametersText(readFileSync(CONFIG_FILES.buurtParameters, 'utf8'));
    expect(r.ok && r.value).toEqual(DEFAULT_BUURT_PARAMETERS);
  });

  it('every natuurkalender file validates, is named after its id and is shipped', () => {
    const files = readdirSync(CONFIG_FILES.natuurkalenderDir).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const r = parseNatuurkalender(JSON.parse(readFileSync(new URL(f, CONFIG_FILES.natuurkalenderDir), 'utf8')));
      expect(r.ok, f).toBe(true);
      if (r.ok) {
        expect(`${r.value.id}.json`).toBe(f);
        expect(SHIPPED_CALENDARS[r.value.id]).toEqual(r.value);
      }
    }
  });

  it('every permit profile validates, is named after its id and is shipped', () => {
    const files = readdirSync(CONFIG_FILES.permitProfilesDir).filter((f) => f.endsWith('.json'));
    expect(files.sort()).toEqual(['landelijke-lijn-nvi.json', 'pre-smp.json', 'smp.json']);
    for (const f of files) {
      const r = parsePermitProfile(JSON.parse(readFileSync(new URL(f, CONFIG_FILES.permitProfilesDir), 'utf8')), f);
      expect(r.ok, f).toBe(true);
      if (r.ok) {
        expect(`${r.value.id}.json`).toBe(f);
        expect(SHIPPED_PERMIT_PROFILES[r.value.id]).toEqual(r.value);
      }
    }
  });

  it('every rules file is embedded by the engine', () => {
    const files = readdirSync(CONFIG_FILES.rulesDir).filter((f) => f.endsWith('.json'));
    expect(files.sort()).toEqual(Object.keys(SHIPPED_RULE_FILES).sort());
    for (const f of files)
      expect(SHIPPED_RULE_FILES[f], f).toEqual(JSON.parse(readFileSync(new URL(f, CONFIG_FILES.rulesDir), 'utf8')));
  });
});
