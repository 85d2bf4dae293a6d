import type { DatasetMeta } from '../dwelling.ts';
import type { VveIssue } from './vve-issue-codes.ts';
import type { VveRanking } from './vve-assess.ts';
import type { VveConfig } from './vve-config.ts';
import type { VveRankingBody } from './vve-schemas.ts';

const pct = (x: number): string => `${(Math.round(x * 1000) / 10).toString().replace('.', ',')} %`;

/** The model's stated assumptions in Dutch, with the configured numbers (shown in the API, CLI, exports and UI). */
export function modelAssumptions(cfg: VveConfig): string[] {
  const d = cfg.decision,
    s = d.support;
  const vote = { for: 'vóór', against: 'tegen', abstain: 'niet' }[d.corporationVote];
  return [
    `Besluit: gekwalificeerde meerderheid van ${pct(d.defaultMajority)} van de uitgebrachte stemmen met een quorum van ${pct(d.defaultQuorum)} van alle stemmen (docs/domain.md §3), tenzij het register of een instelling per VvE anders zegt.`,
    `De corporatie stemt als één blok ${vote}; elke andere woning is één eigenaar die met kans ${pct(d.ownerAttendance)} aanwezig is of volmacht geeft (aanname).`,
    `Steun van een eigenaar: logistisch, 1/(1+e^−z) met z = ${s.intercept} + ${s.perEurNetSavingPerMonth} × netto besparing per maand − ${s.perEurCostPerMonth} × maandlast (aanname); een verhuurder telt ${pct(d.landlordSavingShare)} van de besparing mee (de huurder betaalt de energierekening).`,
    `Kosten worden naar breukdeel verdeeld; de lening is de Warmtefonds VvE-lening tegen ${pct(cfg.warmtefonds.annualRate)} rente (aanname, niet in docs/domain.md) over ${cfg.warmtefonds.termYears} jaar (annuïteit).`,
    `Pakket: ${cfg.package.measures.join(', ')} tegen projectprijs (engine/retrofit), plus ecologisch onderzoek per gebouw (${cfg.package.surveyCost === 'max' ? 'bovenkant' : cfg.package.surveyCost === 'min' ? 'onderkant' : 'midden'} van de bandbreedte, docs/domain.md §2).`,
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
    count: r.vves.length,
    shortlist: r.shortlist,
    vves: r.vves,
    rejected: r.rejected,
    warnings,
    assumptions: modelAssumptions(cfg),
  };
}
