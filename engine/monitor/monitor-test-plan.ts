/**
 * A small plan and programme settings for the monitor's unit tests: two programme areas, three buurten, six
 * dwellings with known dates, money and labels, so expected figures can be worked out by hand.
 */
import type { MonitorPlan, MonitorPlanDwelling } from './monitor-plan.ts';
import type { MoneyEntry } from './monitor-records.ts';
import { programmeSettingsSchema, type ProgrammeSettings } from './programme-settings.ts';

export const TEST_SETTINGS: ProgrammeSettings = programmeSettingsSchema.parse({
  id: 'test-programme',
  source: 'unit test',
  retrieved: '2026-12-07',
  start: '2025-01-01',
  startIsAssumption: true,
  end: '2033-12-31',
  vhfBudgetEur: 100000,
  cofinancingShare: 0.3,
  co2KgPerM3Gas: 1.78,
});

/** 16-digit BAG id for test dwelling n. */
export const vbo = (n: number): string => `08640100000${String(n).padStart(5, '0')}`;

function dwelling(n: number, insulationFrom: string, p: Partial<MonitorPlanDwelling> = {}): MonitorPlanDwelling {
  return {
    vboId: vbo(n),
    natuurvrijVanaf: null,
    insulationFrom,
    programmeContributionEur: 1000 * n,
    gasSavingM3PerYear: 100 * n,
    labelBefore: 'F',
    labelAfter: 'C',
    acceptProbability: 0.5,
    ...p,
  };
}

/** Kalsdonk (BU16740202) two batches, Westrand (BU16740300, BU16740301) one each. */
export const TEST_PLAN: MonitorPlan = {
  id: 7,
  version: 2,
  batches: [
    {
      id: '2026-najaar:K1',
      buurtcode: 'BU16740202',
      programmeArea: 'Kalsdonk',
      dwellings: [
        dwelling(1, '2026-10-15', { natuurvrijVanaf: '2026-08-01' }),
        dwelling(2, '2026-10-15', { natuurvrijVanaf: '2026-08-01', labelBefore: 'G', labelAfter: 'B' }),
      ],
    },
    {
      id: '2027-najaar:K2',
      buurtcode: 'BU16740202',
      programmeArea: 'Kalsdonk',
      dwellings: [dwelling(3, '2027-10-15', { acceptProbability: 1 })],
    },
    {
      id: '2026-najaar:W1',
      buurtcode: 'BU16740300',
      programmeArea: 'Westrand',
      dwellings: [dwelling(4, '2026-10-01')],
    },
    {
      id: '2027-voorjaar:W2',
      buurtcode: 'BU16740301',
      programmeArea: 'Westrand',
      dwellings: [dwelling(5, '2027-05-01'), dwelling(6, '2027-05-01')],
    },
  ],
};

/** A payment of €100 from the VHF for test dwelling 1 on 2026-11-01, with the fields a test changes. */
export function moneyEntry(reference: string, p: Partial<MoneyEntry> = {}): MoneyEntry {
  return {
    reference,
    kind: 'betaald',
    date: '2026-11-01',
    amountEur: 100,
    source: 'vhf',
    vboId: vbo(1),
    batchId: null,
    corrects: null,
    ...p,
  };
}
