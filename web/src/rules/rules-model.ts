/**
 * The rules page's content: the rules in force on a date (GET /api/rules), grouped by topic, each with its value in
 * Dutch, validity, source and retrieval date; assumptions marked. Pure, so it is tested without a browser.
 */
import type { RuleListing, RulesInForce } from '../../../engine/rules/rules-listing.ts';
import { formatDate } from '../format.ts';

/** Topics by id prefix, in page order. */
export const RULE_TOPICS = [
  { prefix: 'warmtefonds.', title: 'Warmtefonds VvE Energiebespaarlening' },
  { prefix: 'vve.', title: 'Besluiten in de VvE' },
  { prefix: 'housing.', title: 'Inkomensgrenzen, huurgrenzen en passend toewijzen' },
  { prefix: 'corporations.', title: 'Afspraken met corporaties' },
  { prefix: 'municipal.', title: 'Gemeentelijke instrumenten met een aanwijzing' },
  { prefix: 'ordinance.', title: 'Huisvestingsverordening Roosendaal' },
] as const;

export interface RuleLine {
  id: string;
  title: string;
  value: string;
  validity: string;
  source: string;
  /** Web address of the source, or null when it is a document. */
  href: string | null;
  note: string | null;
  assumption: boolean;
  version: string;
}

export interface RuleGroup {
  title: string;
  lines: RuleLine[];
}

function line(r: RuleListing): RuleLine {
  return {
    id: r.id,
    title: r.title,
    value: r.valueText,
    validity: `geldig van ${formatDate(r.validFrom)}${r.validTo ? ` t/m ${formatDate(r.validTo)}` : ' tot een nieuwere regel'}`,
    source: `${r.source.title}${r.source.document ? ` (${r.source.document})` : ''}; geraadpleegd ${formatDate(r.retrieved)}`,
    href: r.source.url ?? null,
    note: r.note ?? null,
    assumption: r.assumption,
    version: r.version,
  };
}

/** Rules grouped by topic; ids outside the known topics under "Overige regels". */
export function ruleGroups(l: RulesInForce): RuleGroup[] {
  const groups: RuleGroup[] = RULE_TOPICS.map((t) => ({
    title: t.title,
    lines: l.rules.filter((r) => r.id.startsWith(t.prefix)).map(line),
  }));
  const rest = l.rules.filter((r) => !RULE_TOPICS.some((t) => r.id.startsWith(t.prefix)));
  if (rest.length) groups.push({ title: 'Overige regels', lines: rest.map(line) });
  return groups.filter((g) => g.lines.length > 0);
}

/** One line above the list. */
export function rulesSummary(l: RulesInForce): string {
  const assumed = l.rules.filter((r) => r.assumption).length;
  return `${l.rules.length} regels van kracht op ${formatDate(l.date)}${assumed ? `; ${assumed} daarvan zijn aannames (niet uit de bron gelezen)` : ''}.`;
}
