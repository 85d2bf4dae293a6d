import type { Buurt } from '../dwelling.ts';
import type { BuurtFigures, ProgressFigures, StepCounts } from '../monitor/progress-figures.ts';
import { STEP_KEYS } from '../monitor/progress-figures.ts';
import type { ReportSection, ReportTable } from './report-document.ts';
import { fmtEur, fmtEurMln, fmtInt } from './report-format.ts';
import { controlStatuses, STATUS_GROUP_LABELS, STATUS_GROUPS, type BuurtStatusCounts } from './status-aggregate.ts';
import { statusMapSvg } from './status-map-svg.ts';
import { barChart, lineChart } from './svg-chart.ts';
import { controlCount } from '../disclosure-control.ts';

/**
 * The report's sections on the monitor's figures (engine/monitor/progress-figures.ts): realised against planned per
 * quarter, money against the budget, per buurt, labels before and after, and the status map. Programme totals are
 * the stored records exactly; every figure per buurt goes through the disclosure control (status-aggregate.ts), so
 * no single owner's choice (a decline in a small buurt) can be read off the printed report.
 */
export const STEP_NL: Readonly<Record<(typeof STEP_KEYS)[number], string>> = {
  invited: 'uitgenodigd',
  accepted: 'akkoord',
  natuurvrij: 'natuurvrij',
  insulated: 'geïsoleerd',
  declined: 'afgezien',
};

const round1 = (x: number): number => Math.round(x * 10) / 10;

/** Status groups of a buurt from its cumulative realised steps (a later step implies the earlier ones). */
export function buurtStatusCounts(b: BuurtFigures): BuurtStatusCounts {
  const r = b.realised;
  const done = r.insulated + r.declined;
  return {
    buurtcode: b.buurtcode,
    planned: b.plannedDwellings,
    counts: {
      voorgesteld: Math.max(0, b.plannedDwellings - r.invited),
      lopend: Math.max(0, r.invited - done),
      geïsoleerd: r.insulated,
      afgezien: r.declined,
    },
  };
}

export function summaryLines(f: ProgressFigures): string[] {
  const t = f.total;
  const b = f.budget;
  return [
    `Tot en met dit kwartaal zijn ${fmtInt(t.realised.insulated)} woningen geïsoleerd; het plan verwachtte er ${fmtInt(round1(t.planned.insulated))} (${fmtInt(t.realisedInQuarter.insulated)} in dit kwartaal, verwacht ${fmtInt(round1(t.plannedInQuarter.insulated))}).`,
    `Uitgenodigd ${fmtInt(t.realised.invited)}, akkoord ${fmtInt(t.realised.accepted)}, natuurvrij ${fmtInt(t.realised.natuurvrij)}, afgezien ${fmtInt(t.realised.declined)} van ${fmtInt(t.plannedDwellings)} woningen in het plan.`,
    `Volkshuisvestingsfonds: ${fmtEur(b.committed.vhfEur)} toegezegd en ${fmtEur(b.paid.vhfEur)} betaald van ${fmtEur(b.vhfBudgetEur)}; cofinanciering gemeente ${fmtEur(b.committed.cofinancingEur)} toegezegd en ${fmtEur(b.paid.cofinancingEur)} betaald van ${fmtEur(b.cofinancingBudgetEur)}.`,
    `Gerealiseerde besparing (gemodelleerd): ${fmtInt(Math.round(t.gasSavingM3PerYear.realised))} m³ gas en ${fmtInt(Math.round(t.co2SavingKgPerYear.realised / 1000))} ton CO₂ per jaar; het plan verwachtte ${fmtInt(Math.round(t.gasSavingM3PerYear.planned))} m³.`,
  ];
}

const stepColumns = (prefix: string, label: string) =>
  STEP_KEYS.map((k) => ({ key: `${prefix}_${k}`, header: `${STEP_NL[k]} (${label})`, kind: 'decimal' as const }));

const stepValues = (prefix: string, s: StepCounts) =>
  Object.fromEntries(STEP_KEYS.map((k) => [`${prefix}_${k}`, round1(s[k])]));

export function realisationSection(f: ProgressFigures): ReportSection {
  const series: ReportTable = {
    sheet: 'Realisatie per kwartaal',
    title: 'Cumulatief per kwartaal, gerealiseerd en gepland (verwacht)',
    formats: {
      toegezegd_eur: 'eur',
      betaald_eur: 'eur',
      vhf_toegezegd_eur: 'eur',
      vhf_betaald_eur: 'eur',
      gepland_toegezegd_eur: 'eur',
      gepland_betaald_eur: 'eur',
    },
    columns: [
      { key: 'kwartaal', header: 'Kwartaal', kind: 'text' },
      ...stepColumns('gerealiseerd', 'gerealiseerd'),
      ...stepColumns('gepland', 'gepland'),
      { key: 'toegezegd_eur', header: 'Toegezegd, alle bronnen (€)', kind: 'decimal' },
      { key: 'betaald_eur', header: 'Betaald, alle bronnen (€)', kind: 'decimal' },
      { key: 'vhf_toegezegd_eur', header: 'VHF toegezegd (€)', kind: 'decimal' },
      { key: 'vhf_betaald_eur', header: 'VHF betaald (€)', kind: 'decimal' },
      { key: 'gepland_toegezegd_eur', header: 'Gepland toegezegd (€)', kind: 'decimal' },
      { key: 'gepland_betaald_eur', header: 'Gepland betaald (€)', kind: 'decimal' },
      { key: 'gas_gerealiseerd_m3', header: 'Gasbesparing gerealiseerd (m³/jaar)', kind: 'decimal' },
      { key: 'gas_gepland_m3', header: 'Gasbesparing gepland (m³/jaar)', kind: 'decimal' },
    ],
    rows: f.series.map((p) => ({
      kwartaal: p.quarter,
      ...stepValues('gerealiseerd', p.realised),
      ...stepValues('gepland', p.planned),
      toegezegd_eur: p.committedEur,
      betaald_eur: p.paidEur,
      vhf_toegezegd_eur: p.vhfCommittedEur,
      vhf_betaald_eur: p.vhfPaidEur,
      gepland_toegezegd_eur: p.plannedCommittedEur,
      gepland_betaald_eur: p.plannedPaidEur,
      gas_gerealiseerd_m3: p.gasSavingM3PerYear.realised,
      gas_gepland_m3: p.gasSavingM3PerYear.planned,
    })),
  };
  const quarters = f.series.map((p) => p.quarter);
  const dwellingsChart = lineChart({
    title: 'Geïsoleerde woningen, cumulatief: gerealiseerd tegen plan',
    xLabels: quarters,
    lines: [
      { label: 'gerealiseerd', color: '#1f4e8c', values: f.series.map((p) => p.realised.insulated) },
      { label: 'plan (verwacht)', color: '#1f4e8c', dashed: true, values: f.series.map((p) => p.planned.insulated) },
      { label: 'akkoord', color: '#4f8f3a', values: f.series.map((p) => p.realised.accepted) },
    ],
    formatY: (v) => fmtInt(v),
  });
  const moneyChart = lineChart({
    title: 'VHF-geld, cumulatief: toegezegd en betaald tegen plan en budget',
    xLabels: quarters,
    lines: [
      { label: 'toegezegd', color: '#c0504d', values: f.series.map((p) => p.vhfCommittedEur) },
      { label: 'betaald', color: '#8064a2', values: f.series.map((p) => p.vhfPaidEur) },
      { label: 'plan betaald', color: '#8064a2', dashed: true, values: f.series.map((p) => p.plannedPaidEur) },
    ],
    reference: { label: `budget ${fmtEurMln(f.budget.vhfBudgetEur)}`, value: f.budget.vhfBudgetEur },
    formatY: fmtEurMln,
  });
  const budget: ReportTable = {
    sheet: 'Budget',
    title: 'Geld tegen budget (tot en met dit kwartaal)',
    formats: { budget_eur: 'eur', toegezegd_eur: 'eur', betaald_eur: 'eur', niet_toegezegd_eur: 'eur' },
    columns: [
      { key: 'lijn', header: 'Budgetlijn', kind: 'text' },
      { key: 'budget_eur', header: 'Budget (€)', kind: 'decimal' },
      { key: 'toegezegd_eur', header: 'Toegezegd (€)', kind: 'decimal' },
      { key: 'betaald_eur', header: 'Betaald (€)', kind: 'decimal' },
      { key: 'niet_toegezegd_eur', header: 'Nog niet toegezegd (€)', kind: 'decimal' },
    ],
    rows: [
      {
        lijn: 'Volkshuisvestingsfonds',
        budget_eur: f.budget.vhfBudgetEur,
        toegezegd_eur: f.budget.committed.vhfEur,
        betaald_eur: f.budget.paid.vhfEur,
        niet_toegezegd_eur: f.budget.uncommitted.vhfEur,
      },
      {
        lijn: 'Cofinanciering gemeente',
        budget_eur: f.budget.cofinancingBudgetEur,
        toegezegd_eur: f.budget.committed.cofinancingEur,
        betaald_eur: f.budget.paid.cofinancingEur,
        niet_toegezegd_eur: f.budget.uncommitted.cofinancingEur,
      },
    ],
  };
  const labels: ReportTable = {
    sheet: 'Labels',
    title: 'Energielabel van de geïsoleerde woningen, voor en na (gemodelleerd)',
    columns: [
      { key: 'label', header: 'Label', kind: 'text' },
      { key: 'voor', header: 'Voor', kind: 'integer' },
      { key: 'na', header: 'Na', kind: 'integer' },
    ],
    rows: f.total.labels
      .filter((l) => l.before > 0 || l.after > 0)
      .map((l) => ({ label: l.label, voor: l.before, na: l.after })),
  };
  return {
    id: 'realisatie',
    heading: 'Realisatie tegen plan',
    paragraphs: [
      `Plan ${f.plan.id}, versie ${f.plan.version}. Geplande aantallen zijn verwachtingen: elke woning telt mee met haar kans op akkoord, op de data die het plan noemt. Gerealiseerd telt een stap in het kwartaal van haar datum.`,
    ],
    charts: [
      { svg: dwellingsChart, sheet: series.sheet },
      { svg: moneyChart, sheet: series.sheet },
    ],
    tables: [budget, labels],
    sheetOnly: [series],
  };
}

export function buurtSection(
  f: ProgressFigures,
  buurten: readonly Pick<Buurt, 'buurtcode' | 'buurtnaam' | 'geometry'>[],
): ReportSection {
  const names = new Map(buurten.map((b) => [b.buurtcode, b.buurtnaam]));
  const controlled = controlStatuses(f.byBuurt.map(buurtStatusCounts));
  const c = (n: number) => controlCount(Math.round(n)).value;
  const table: ReportTable = {
    sheet: 'Per buurt',
    title: 'Per buurt (tot en met dit kwartaal; aantallen onder 10 niet getoond, overige afgerond op 5)',
    formats: { aandeel_geisoleerd: 'share', vhf_betaald_eur: 'eur' },
    columns: [
      { key: 'buurtcode', header: 'Buurtcode', kind: 'text' },
      { key: 'buurt', header: 'Buurt', kind: 'text' },
      { key: 'gebied', header: 'Programmagebied', kind: 'text' },
      { key: 'gepland', header: 'Woningen in plan', kind: 'integer' },
      ...STEP_KEYS.map((k) => ({ key: k, header: STEP_NL[k], kind: 'integer' as const })),
      { key: 'gepland_geisoleerd', header: 'geïsoleerd volgens plan', kind: 'integer' },
      { key: 'aandeel_geisoleerd', header: 'Aandeel geïsoleerd', kind: 'decimal' },
      { key: 'vhf_betaald_eur', header: 'VHF betaald (€, afgerond op € 1.000)', kind: 'decimal' },
    ],
    rows: f.byBuurt.map((b, i) => ({
      buurtcode: b.buurtcode,
      buurt: names.get(b.buurtcode) ?? b.buurtcode,
      gebied: b.area,
      gepland: c(b.plannedDwellings),
      ...Object.fromEntries(STEP_KEYS.map((k) => [k, c(b.realised[k])])),
      gepland_geisoleerd: c(b.planned.insulated),
      aandeel_geisoleerd:
        controlled[i]!.insulatedShare === null ? null : Math.round(controlled[i]!.insulatedShare! * 10000) / 10000,
      vhf_betaald_eur: Math.round(b.money.paidBySource.vhf / 1000) * 1000,
    })),
  };
  const chart = barChart({
    title: 'Geïsoleerd per buurt: gerealiseerd en volgens plan',
    series: [
      { label: 'gerealiseerd', color: '#1f4e8c' },
      { label: 'plan (verwacht)', color: '#9fb6d8' },
    ],
    groups: f.byBuurt.map((b) => ({
      label: names.get(b.buurtcode) ?? b.buurtcode,
      values: [c(b.realised.insulated), c(b.planned.insulated)],
    })),
    formatY: (v) => fmtInt(v),
    width: 680,
  });
  const mapTable: ReportTable = {
    sheet: 'Statuskaart',
    title: 'Statuskaart: woningen per status en buurt (beveiligd zoals de veiligheidslaag)',
    formats: { aandeel_geisoleerd: 'share' },
    columns: [
      { key: 'buurtcode', header: 'Buurtcode', kind: 'text' },
      { key: 'buurt', header: 'Buurt', kind: 'text' },
      { key: 'gepland', header: 'Woningen in plan', kind: 'integer' },
      ...STATUS_GROUPS.map((g) => ({ key: g, header: STATUS_GROUP_LABELS[g], kind: 'integer' as const })),
      { key: 'aandeel_geisoleerd', header: 'Aandeel geïsoleerd', kind: 'decimal' },
    ],
    rows: controlled.map((s) => ({
      buurtcode: s.buurtcode,
      buurt: names.get(s.buurtcode) ?? s.buurtcode,
      gepland: s.planned,
      ...s.counts,
      aandeel_geisoleerd: s.insulatedShare === null ? null : Math.round(s.insulatedShare * 10000) / 10000,
    })),
  };
  return {
    id: 'buurten',
    heading: 'Per buurt en statuskaart',
    paragraphs: [
      'Per buurt worden aantallen onder 10 niet getoond en de overige afgerond op 5, en een aandeel alleen bij 50 of meer geplande woningen (de regels van de veiligheidslaag), zodat de keuze van één eigenaar niet uit dit rapport af te lezen is. De programmatotalen elders in dit rapport zijn exact.',
    ],
    charts: [
      { svg: chart, sheet: table.sheet },
      {
        svg: statusMapSvg(buurten, controlled, 'Statuskaart: aandeel geplande woningen geïsoleerd'),
        sheet: mapTable.sheet,
      },
    ],
    tables: [table, mapTable],
  };
}
