/** The what-if as a Dutch text report for the terminal (nl-NL numbers, dd-mm-jjjj dates). */
import { MEASURE_NL } from './measure-ids.ts';
import type { SubsidyOutcome } from './subsidies.ts';
import type { WhatIfResult } from './what-if.ts';
import { FACTOR_NL, type FactorId } from './weights.ts';

const nl0 = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 });
const nl1 = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const nl2 = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const eur = (x: number) => `€ ${nl0.format(x)}`;
const years = (x: number | null) => (x === null ? 'nooit' : `${nl1.format(x)} jaar`);
const date = (iso: string | null) => (iso === null ? '—' : `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`);
export const ROUTE_NL = {
  'pre-smp': 'pre-SMP',
  'corporation-code': 'gedragscode corporatie',
  'individual-survey': 'individueel ecologisch onderzoek',
} as const;

function table(head: string[], rows: string[][]): string[] {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
}

const TENURE_NL = {
  'owner-occupier': 'eigenaar-bewoner',
  vve: 'VvE-appartementsrecht',
  other: 'geen eigenaar-bewoner of VvE',
} as const;

/** Gross, subsidy and the owner's net cost per package measure, with the subsidy rows used and their status. */
function subsidyLines(s: SubsidyOutcome | null): string[] {
  if (s === null) return ['Subsidie: geen subsidieregels voor deze datum; kosten zijn bruto.'];
  const rules = s.rulesUsed.map(
    (u) => `${u.version}${u.placeholder ? ' (nog te bevestigen, telt als € 0)' : u.assumption ? ' (aanname)' : ''}`,
  );
  return [
    '',
    `Subsidie (${TENURE_NL[s.tenure]}, ${date(s.date)}): bruto ${eur(s.grossEur)} − subsidie ${eur(s.subsidyEur)} = netto ${eur(s.netEur)} voor de eigenaar`,
    ...table(
      ['maatregel in pakket', 'bruto', 'subsidie', 'netto'],
      s.measures.map((m) => [MEASURE_NL[m.id], eur(m.grossEur), eur(m.subsidyEur), eur(m.netEur)]),
    ).map((l) => `  ${l}`),
    `  regels: ${rules.join(', ') || 'geen regeling van toepassing'} (subsidiebestand ${s.bookId})`,
  ];
}

export function whatIfReportNl(
  r: WhatIfResult,
  input: { type: string; bouwjaar: number; oppervlakte: number },
): string {
  const out: string[] = [];
  out.push(
    `Woning: ${input.type}, bouwjaar ${input.bouwjaar}, ${nl0.format(input.oppervlakte)} m², label ${r.labelBefore} (${r.labelBeforeSource === 'given' ? 'opgegeven' : 'geschat'})`,
  );
  out.push(
    `Gasverbruik (gemodelleerd, gekalibreerd): ${nl0.format(r.gasUseM3PerYear)} m³/jaar · gaskosten ${eur(r.energyCostEurPerYear)}/jaar`,
    '',
  );
  out.push(
    ...table(
      ['maatregel', 'kosten', 'besparing gas', 'besparing/jaar', 'CO₂/jaar', 'label na', 'terugverdientijd'],
      r.measures.map((m) => [
        MEASURE_NL[m.id],
        eur(m.costEur),
        `${nl0.format(m.gasSavingM3PerYear)} m³`,
        eur(m.billSavingEurPerYear),
        `${nl0.format(m.co2SavingKgPerYear)} kg`,
        m.labelAfter,
        years(m.paybackYears),
      ]),
    ),
  );
  if (r.notApplicable.length) {
    out.push('', 'Niet van toepassing:');
    for (const n of r.notApplicable) out.push(`  ${MEASURE_NL[n.id]}: ${n.message}`);
  }
  const p = r.package;
  out.push(
    '',
    `Pakket (${p.measures.map((m) => MEASURE_NL[m]).join(', ') || 'geen'}): ${eur(p.costEur)} · ${nl0.format(p.gasSavingM3PerYear)} m³ · ${eur(p.billSavingEurPerYear)}/jaar · label ${p.labelAfter} · ${years(p.paybackYears)}`,
  );
  out.push(...subsidyLines(r.subsidies));
  const e = r.ecology;
  out.push(
    `Ecologie: route ${ROUTE_NL[e.route]} · risico ${nl2.format(e.riskScore)} · natuurvrij maken vanaf ${date(e.earliestExclusion)} · isoleren vanaf ${date(e.earliestInsulation)} (natuurkalender ${e.calendar.id})`,
  );
  if (e.survey.leadTimeDays > 0 || e.survey.costEur[1] > 0)
    out.push(
      `  onderzoek: ${e.survey.kind}, ${eur(e.survey.costEur[0])}–${eur(e.survey.costEur[1])} per gebouw, ${nl0.format(e.survey.leadTimeDays)} dagen doorlooptijd`,
    );
  out.push(
    `Prioriteit: ${nl1.format(r.priority.score)} (${Object.entries(r.priority.breakdown)
      .map(([k, v]) => `${FACTOR_NL[k as FactorId]} ${nl1.format(v)}`)
      .join(', ')})`,
  );
  if (r.assumptions.length) {
    out.push('', 'Aannames:');
    for (const a of r.assumptions) out.push(`  ${a.field}: ${a.reason}`);
  }
  out.push(
    '',
    `Prijzen: gas € ${nl2.format(r.prices.gasEurPerM3)}/m³, stroom € ${nl2.format(r.prices.electricityEurPerKwh)}/kWh.`,
  );
  out.push(
    `Kosten: prijsboek ${r.priceBook.id}, prijspeil ${r.priceBook.planningYear}${r.priceBook.approximateIndex ? ' (bouwkostenindex bij benadering)' : ''}.`,
  );
  return out.join('\n');
}
