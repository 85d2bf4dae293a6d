import type { ExpressionSpecification } from 'maplibre-gl';
import type { VveRankingBody } from '../../../engine/vve/vve-schemas.ts';
import { formatCount, formatDate, formatShare } from '../format.ts';

/**
 * What the VvE layer and its panel show, as pure functions: colours by score, the map expressions, the
 * Dutch rows of the detail panel and the export links. The ranking comes from GET /api/vve (engine/vve).
 */
export type VveItem = VveRankingBody['vves'][number];
export type Role = 'gemeente' | 'alwel' | 'vhf' | 'viewer';

/**
 * Score classes (0–100) and their colours, low to high: the legend and the map use the same list. A teal
 * family (ColorBrewer BrBG, green side), apart from the ownership blue, acquisition purple and safety browns.
 */
export const SCORE_CLASSES = [
  { from: 0, label: 'onder 50', color: '#d7d2c8' },
  { from: 50, label: '50–65', color: '#80cdc1' },
  { from: 65, label: '65–75', color: '#35978f' },
  { from: 75, label: '75 en hoger', color: '#01665e' },
] as const;

export function scoreColor(score: number): string {
  let c: string = SCORE_CLASSES[0].color;
  for (const k of SCORE_CLASSES) if (score >= k.from) c = k.color;
  return c;
}

/** Line colour per building (pandId) of a ranked VvE; other buildings get none (the layer filter hides them). */
export function buildingColorExpression(vves: readonly VveItem[]): ExpressionSpecification {
  const pairs: string[] = [];
  const seen = new Set<string>();
  for (const v of vves)
    for (const p of v.pandIds)
      if (!seen.has(p)) {
        seen.add(p);
        pairs.push(p, scoreColor(v.score));
      }
  if (pairs.length === 0) return ['literal', 'rgba(0,0,0,0)'] as unknown as ExpressionSpecification;
  return ['match', ['get', 'pandId'], ...pairs, 'rgba(0,0,0,0)'] as unknown as ExpressionSpecification;
}

/** Filter of the outline layer: only the buildings of ranked VvE's. */
export function buildingFilter(vves: readonly VveItem[]): ExpressionSpecification {
  return [
    'in',
    ['get', 'pandId'],
    ['literal', [...new Set(vves.flatMap((v) => v.pandIds))]],
  ] as ExpressionSpecification;
}

/** One point per VvE (centre of its dwellings), clickable at every zoom. */
export function centroidCollection(vves: readonly VveItem[]): GeoJSON.FeatureCollection<GeoJSON.Point> {
  return {
    type: 'FeatureCollection',
    features: vves.map((v) => ({
      type: 'Feature',
      id: v.rank,
      properties: {
        vveId: v.vveId,
        score: v.score,
        color: scoreColor(v.score),
        shortlisted: v.shortlisted,
        units: v.units,
      },
      geometry: { type: 'Point', coordinates: v.location },
    })),
  };
}

const euro0 = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
const euro2 = new Intl.NumberFormat('nl-NL', {
  style: 'currency',
  currency: 'EUR',
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const score1 = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const MEASURE_NL: Record<string, string> = {
  'cavity-wall': 'spouwmuurisolatie',
  roof: 'dakisolatie',
  floor: 'vloerisolatie',
  glazing: 'HR++-glas',
  'hybrid-heat-pump': 'hybride warmtepomp',
};
const SOURCE_NL = { registered: 'VvE-register', imputed: 'geschat', synthetic: 'synthetische gegevens' } as const;
const DUE_NL = { facade: 'gevel', roof: 'dak', windows: 'kozijnen' } as const;
const RULE_NL = {
  override: 'instelling per VvE',
  register: 'splitsingsakte (register)',
  default: 'wettelijke standaard',
} as const;
const VOTE_NL = { for: 'vóór', against: 'tegen', abstain: 'niet' } as const;

export const formatScore = (s: number): string => score1.format(s);

/** The Dutch rows of the detail panel, grouped. */
export function detailSections(v: VveItem): { title: string; rows: { label: string; value: string }[] }[] {
  const labels = Object.entries(v.labels)
    .map(([l, n]) => `${l}: ${formatCount(n)}`)
    .join(', ');
  const due = (Object.keys(DUE_NL) as (keyof typeof DUE_NL)[])
    .filter((e) => v.maintenanceDue[e].due)
    .map((e) => DUE_NL[e]);
  const a = v.activity;
  return [
    {
      title: 'VvE',
      rows: [
        { label: 'Rang', value: `${v.rank}${v.shortlisted ? ' (pilot-shortlist)' : ''}` },
        ...(v.shortlistNote ? [{ label: 'Shortlist', value: `niet op de shortlist: ${v.shortlistNote}` }] : []),
        { label: 'Score', value: `${formatScore(v.score)} van 100` },
        { label: 'Appartementsrechten', value: formatCount(v.units) },
        {
          label: 'Stemmen corporatie',
          value: `${formatShare(v.corporationVoteShare)}${v.corporationControlled ? ' — corporatie bepalend (eigen bestuurstraject)' : ''}`,
        },
        {
          label: 'Eigenaar-bewoners',
          value: `${formatCount(v.ownerOccupiers)} (${formatShare(v.ownerOccupierShare)})`,
        },
        { label: 'Energielabels', value: labels },
      ],
    },
    {
      title: 'Bestuur',
      rows: [
        {
          label: 'Status',
          value: `${v.active ? 'actief' : 'slapend'}${a.basis === 'assumed' ? ' (deels aangenomen)' : ''}`,
        },
        { label: 'Bron', value: SOURCE_NL[v.provenance] },
        { label: 'Laatste ALV', value: a.lastAlvDate ? formatDate(a.lastAlvDate) : 'onbekend' },
        {
          label: 'MJOP',
          value: a.mjopYear === null ? 'onbekend' : `${a.mjopYear}${a.mjopCurrent ? ' (actueel)' : ' (verouderd)'}`,
        },
        {
          label: 'Reservefonds',
          value: `${a.reserveFundEur === null ? 'onbekend' : euro0.format(a.reserveFundEur)} (wettelijk minimum ${euro0.format(a.reserveRequiredEur)})`,
        },
        { label: 'Onderhoud nodig', value: due.length ? due.join(', ') : 'geen' },
      ],
    },
    {
      title: 'Pakket en financiering',
      rows: [
        { label: 'Maatregelen', value: v.package.measures.map((m) => MEASURE_NL[m] ?? m).join(', ') || 'geen' },
        { label: 'Kosten per recht', value: euro0.format(v.costPerRightEur) },
        {
          label: 'Warmtefonds VvE-lening',
          value: !v.eligibleWarmtefonds
            ? 'niet mogelijk'
            : v.warmtefonds.path === 'small-all-sign'
              ? 'mogelijk als alle leden tekenen (kleine VvE)'
              : 'mogelijk',
        },
        ...v.warmtefonds.preconditions
          .filter((p) => p.met !== true)
          .map((p) => ({ label: 'Te regelen', value: p.todo })),
        {
          label: 'Lening',
          value: `max. ${euro0.format(v.warmtefonds.maxPerRightEur)} per recht, ${formatShare(v.warmtefonds.annualRate)} rente over ${v.warmtefonds.termYears} jaar`,
        },
        { label: 'Maandlast per recht', value: euro2.format(v.package.loanMonthlyPerRightEur) },
        { label: 'Besparing per recht per maand', value: euro2.format(v.package.savingPerRightPerMonthEur) },
        {
          label: 'Ecologisch onderzoek',
          value: v.package.nature.surveyNeeded
            ? `${euro0.format(v.package.surveyCostEur)}, ${formatCount(v.package.nature.leadTimeDays)} dagen doorlooptijd`
            : 'niet nodig',
        },
      ],
    },
    {
      title: 'Besluit',
      rows: [
        {
          label: 'Vereiste meerderheid',
          value: `${formatShare(v.decision.majority)} van de stemmen, quorum ${formatShare(v.decision.quorum)} (${RULE_NL[v.decision.ruleSource]})`,
        },
        {
          label: 'Kans op meerderheid',
          value: `${formatShare(v.qualifiedMajorityProbability)} (${v.decision.method === 'exact' ? 'exact berekend' : 'Monte Carlo'}; eerste vergadering ${formatShare(v.decision.firstMeetingProbability)}, quorum gemist ${formatShare(v.decision.quorumMissedProbability)}, ${v.decision.secondMeetingMajority === null ? 'geen tweede vergadering' : `tweede vergadering zonder quorum ${formatShare(v.decision.secondMeetingProbability)}`})`,
        },
        ...(v.decision.unanimityProbability === null
          ? []
          : [{ label: 'Kans dat alle leden tekenen', value: formatShare(v.decision.unanimityProbability) }]),
        { label: 'Corporatie stemt', value: VOTE_NL[v.decision.corporationVote] },
      ],
    },
  ];
}

/** Roles that may export the list (server/auth/access-policy.ts: not the meelezer). */
export const mayExport = (role: Role): boolean => role !== 'viewer';

export const VVE_EXPORT_LINKS = [
  { format: 'csv', label: 'CSV (Excel)' },
  { format: 'xlsx', label: 'XLSX' },
] as const;

export const exportHref = (format: 'csv' | 'xlsx'): string => `/api/vve/export?format=${format}`;

/** One line above the list. */
export function rankingSummary(b: Pick<VveRankingBody, 'count' | 'rejected' | 'shortlist' | 'dataset'>): string {
  return `${formatCount(b.count)} VvE's gerangschikt${b.rejected.length ? `, ${formatCount(b.rejected.length)} met gegevensproblemen` : ''}; pilot-shortlist: ${formatCount(b.shortlist.length)}.${b.dataset.synthetic ? ' Synthetische gegevens.' : ''}`;
}
