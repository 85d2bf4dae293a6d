import type { DatasetMeta } from '../dwelling.ts';
import type { VveIssue } from './vve-issue-codes.ts';
import type { VveRanking } from './vve-assess.ts';
import type { VveConfig } from './vve-config.ts';
import type { VveRules } from './vve-rules.ts';
import type { VveRankingBody } from './vve-schemas.ts';
import { MEASURE_NL } from '../retrofit/measure-ids.ts';

/** Percentages as nl-NL writes them ("66,7%"), like the map's formatShare. */
const pct = (x: number): string => `${(Math.round(x * 1000) / 10).toString().replace('.', ',')}%`;
/** A plain number with a decimal comma ("0,08"). */
const num = (x: number): string => x.toLocaleString('nl-NL', { maximumFractionDigits: 6 });
const eur = (x: number): string => `€ ${x.toLocaleString('nl-NL')}`;

/**
 * The model's stated assumptions in Dutch, with the configured numbers and the policy rules' values (shown in the
 * API, CLI, exports and UI).
 */
export function modelAssumptions(cfg: VveConfig, rules: VveRules): string[] {
  const d = cfg.decision,
    s = d.support,
    w = rules.warmtefonds,
    r = rules.decision;
  const vote = { for: 'vóór', against: 'tegen', abstain: 'niet' }[d.corporationVote];
  return [
    `Besluit: gekwalificeerde meerderheid van ${pct(r.majority)} van de uitgebrachte stemmen met een quorum van ${pct(r.quorum)} van alle stemmen (regels op ${rules.date}), tenzij het register of een instelling per VvE anders zegt. ${r.secondMeeting.allowed ? `Zonder quorum volgt een tweede vergadering zonder quorum die besluit met ${pct(r.secondMeeting.majority)} van de uitgebrachte stemmen; de opkomst daar is opnieuw getrokken (aanname).` : 'Geen tweede vergadering zonder quorum.'}`,
    `Warmtefonds VvE-lening (regels op ${rules.date}): minimaal ${eur(w.minLoanEur)} per VvE, maximaal ${eur(w.maxPerRightEur)} per appartementsrecht en ${eur(w.maxLoanEur)} per VvE. Kleine VvE (${w.smallMinDwellings}–${w.largeMinDwellings - 1} woningen): alleen als alle leden tekenen; een eigenaar tekent met ${pct(d.signFactor)} × zijn kans op instemming (aanname). Vanaf ${w.largeMinDwellings} woningen: ${w.largeDocuments.map((x) => x.name).join(' en ')} te regelen (voorwaarden, geen uitsluiting).`,
    `De corporatie stemt als één blok ${vote}; elke andere woning is één eigenaar die met kans ${pct(d.ownerAttendance)} aanwezig is of volmacht geeft (aanname).`,
    `Steun van een eigenaar: logistisch, 1/(1+e^−z) met z = ${num(s.intercept)} + ${num(s.perEurNetSavingPerMonth)} × netto besparing per maand − ${num(s.perEurCostPerMonth)} × maandlast (aanname); een verhuurder telt ${pct(d.landlordSavingShare)} van de besparing mee (de huurder betaalt de energierekening).`,
    `Kosten worden naar breukdeel verdeeld; de lening is de Warmtefonds VvE-lening tegen ${pct(w.annualRate)} rente over ${w.termYears} jaar (annuïteit; rente uit de gedateerde regels, aanname tot het fonds een offerte geeft).`,
    `Shortlist: de ${cfg.shortlistSize} VvE's met de hoogste score${cfg.shortlistExcludesCorporationControlled ? ' zonder corporatiemeerderheid' : ''} en een kans op een besluit van ten minste ${pct(cfg.shortlistMinDecisionProbability)} (instelbaar in de VvE-configuratie).`,
    `Pakket: ${cfg.package.measures.map((m) => MEASURE_NL[m]).join(', ')} tegen projectprijs, plus ecologisch onderzoek per gebouw (${cfg.package.surveyCost === 'max' ? 'bovenkant' : cfg.package.surveyCost === 'min' ? 'onderkant' : 'midden'} van de bandbreedte).`,
    `Actief: ALV in de laatste ${cfg.activity.maxAlvAgeMonths} maanden én MJOP van hooguit ${cfg.activity.maxMjopAgeYears} jaar oud of reservefonds ≥ ${pct(cfg.activity.reserveRateOfRebuildValue)} van de herbouwwaarde (€ ${cfg.activity.rebuildValueEurPerM2} per m², aanname). Ontbreekt een registergegeven, dan telt het als niet voldaan en staat dat bij de VvE.`,
    `Onderhoud nodig: gevel bij spouwmuur ≤ N${cfg.maintenance.facade.maxLevel} en ≥ ${cfg.maintenance.facade.minAgeYears} jaar, dak bij dak ≤ N${cfg.maintenance.roof.maxLevel} en ≥ ${cfg.maintenance.roof.minAgeYears} jaar, kozijnen bij glas ≤ N${cfg.maintenance.windows.maxLevel} en ≥ ${cfg.maintenance.windows.minAgeYears} jaar, bij ≥ ${pct(cfg.maintenance.dueShare)} van de woningen (aanname).`,
    `Kans berekend: exact (tweedimensionale Poisson-binomiaal over aanwezigheid en steun) tot ${d.exactMaxVotes} stemmen, daarboven Monte Carlo met ${d.monteCarloDraws} trekkingen (seed ${d.seed}).`,
  ];
}

/** The JSON body of `GET /api/vve` and `voorraad vve --format json`. */
export function rankingBody(
  meta: Pick<DatasetMeta, 'name' | 'synthetic' | 'dataDate'>,
  r: VveRanking,
  warnings: VveIssue[],
  cfg: VveConfig,
): VveRankingBody {
  return {
    dataset: { name: meta.name, synthetic: meta.synthetic, dataDate: meta.dataDate },
    asOf: r.asOf,
    rulesDate: r.rulesDate,
    rulesUsed: r.rulesUsed,
    count: r.vves.length,
    shortlist: r.shortlist,
    vves: r.vves,
    rejected: r.rejected,
    warnings,
    assumptions: modelAssumptions(cfg, r.terms),
  };
}
