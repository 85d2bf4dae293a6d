import type { ExportColumn, ExportTable } from '../acquisition/export-table.ts';
import type { VveRankingBody } from './vve-schemas.ts';

/**
 * The VvE ranking as an export table (CSV for Dutch Excel, XLSX): one row per VvE, ranked ones first, then
 * the VvE's whose data did not add up with their issue codes. Only VvE-level figures: ids, counts, shares,
 * money, probability, score and reasons in words with their codes — no names of people, no per-dwelling ownership.
 */
export const VVE_COLUMNS: readonly ExportColumn[] = [
  { key: 'rang', header: 'Rang', kind: 'integer' },
  { key: 'pilot', header: 'Op de pilot-shortlist', kind: 'boolean' },
  { key: 'vve_id', header: 'VvE-id', kind: 'text' },
  { key: 'vve_naam', header: 'Naam VvE', kind: 'text' },
  { key: 'kvk', header: 'KvK-nummer', kind: 'text' },
  { key: 'buurtcodes', header: 'Buurtcode(s)', kind: 'text' },
  { key: 'woningen', header: 'Appartementsrechten', kind: 'integer' },
  { key: 'stemaandeel_corporatie', header: 'Stemaandeel corporatie', kind: 'decimal' },
  { key: 'aandeel_eigenaar_bewoners', header: 'Aandeel eigenaar-bewoners', kind: 'decimal' },
  { key: 'actief', header: 'Actief (niet slapend)', kind: 'boolean' },
  { key: 'gegevens', header: 'Bron VvE-gegevens', kind: 'text' },
  { key: 'labels', header: 'Energielabels', kind: 'text' },
  { key: 'onderhoud', header: 'Onderhoud nodig', kind: 'text' },
  { key: 'warmtefonds', header: 'Warmtefonds VvE-lening mogelijk', kind: 'boolean' },
  { key: 'warmtefonds_route', header: 'Warmtefonds-route', kind: 'text' },
  { key: 'te_regelen', header: 'Te regelen voor de lening', kind: 'text' },
  { key: 'kosten_per_recht_eur', header: 'Kosten per recht (€)', kind: 'integer' },
  { key: 'maandlast_per_recht_eur', header: 'Maandlast lening per recht (€)', kind: 'decimal' },
  { key: 'besparing_per_recht_eur', header: 'Besparing per recht per maand (€)', kind: 'decimal' },
  { key: 'onderzoek_eur', header: 'Ecologisch onderzoek (€)', kind: 'integer' },
  { key: 'doorlooptijd_dagen', header: 'Doorlooptijd onderzoek (dagen)', kind: 'integer' },
  { key: 'meerderheid', header: 'Vereiste meerderheid', kind: 'decimal' },
  { key: 'kans_meerderheid', header: 'Kans gekwalificeerde meerderheid (incl. tweede vergadering)', kind: 'decimal' },
  { key: 'kans_besluit', header: 'Kans op een besluit (kleine VvE: iedereen tekent)', kind: 'decimal' },
  { key: 'corporatie_bepalend', header: 'Corporatie bepalend (> 50%)', kind: 'boolean' },
  { key: 'score', header: 'Score (0–100)', kind: 'decimal' },
  { key: 'redenen', header: 'Redenen', kind: 'text' },
  { key: 'reden_codes', header: 'Redencodes', kind: 'text' },
  { key: 'shortlist_toelichting', header: 'Toelichting shortlist', kind: 'text' },
  { key: 'problemen', header: 'Gegevensproblemen', kind: 'text' },
];

const LABEL_ORDER = ['A++++', 'A+++', 'A++', 'A+', 'A', 'B', 'C', 'D', 'E', 'F', 'G'];
/** Where the VvE's register fields come from. */
const SOURCE_NL = { registered: 'VvE-register', imputed: 'geschat', synthetic: 'synthetisch' } as const;
const ROUTE_NL = {
  'small-all-sign': 'kleine VvE: alle leden tekenen',
  large: 'vanaf 8 woningen: energieadvies en MJOP',
  none: 'geen',
} as const;
const DUE_NL = { facade: 'gevel', roof: 'dak', windows: 'kozijnen' } as const;

export function vveExportTable(body: VveRankingBody): ExportTable {
  const rows: ExportTable['rows'] = body.vves.map((v) => ({
    rang: v.rank,
    pilot: v.shortlisted,
    vve_id: v.vveId,
    vve_naam: v.name,
    kvk: v.kvkNumber,
    buurtcodes: v.buurtcodes.join(' '),
    woningen: v.units,
    stemaandeel_corporatie: v.corporationVoteShare,
    aandeel_eigenaar_bewoners: v.ownerOccupierShare,
    actief: v.active,
    gegevens: `${SOURCE_NL[v.provenance]}${v.activity.basis === 'assumed' ? `; ontbrekend, aangenomen: ${v.assumptions.map((a) => a.field).join(', ')}` : ''}`,
    labels: LABEL_ORDER.filter((l) => v.labels[l])
      .map((l) => `${l}:${v.labels[l]}`)
      .join(' '),
    onderhoud:
      (Object.keys(DUE_NL) as (keyof typeof DUE_NL)[])
        .filter((e) => v.maintenanceDue[e].due)
        .map((e) => DUE_NL[e])
        .join(' ') || 'geen',
    warmtefonds: v.eligibleWarmtefonds,
    warmtefonds_route: ROUTE_NL[v.warmtefonds.path ?? 'none'],
    te_regelen:
      v.warmtefonds.preconditions
        .filter((p) => p.met !== true)
        .map((p) => p.todo)
        .join('; ') || null,
    kosten_per_recht_eur: v.costPerRightEur,
    maandlast_per_recht_eur: v.package.loanMonthlyPerRightEur,
    besparing_per_recht_eur: v.package.savingPerRightPerMonthEur,
    onderzoek_eur: v.package.surveyCostEur,
    doorlooptijd_dagen: v.package.nature.leadTimeDays,
    meerderheid: v.decision.majority,
    kans_meerderheid: v.qualifiedMajorityProbability,
    kans_besluit: v.decisionProbability,
    corporatie_bepalend: v.corporationControlled,
    score: v.score,
    redenen: v.reasons.map((r) => r.text).join(' · '),
    reden_codes: v.reasons.map((r) => r.code).join(' '),
    shortlist_toelichting: v.shortlistNote,
    problemen: null,
  }));
  for (const r of body.rejected) {
    rows.push({
      vve_id: r.vveId,
      vve_naam: r.name,
      woningen: r.units,
      problemen: r.issues.map((i) => `${i.code}: ${i.message}`).join(' | '),
    });
  }
  return { columns: [...VVE_COLUMNS], rows };
}
