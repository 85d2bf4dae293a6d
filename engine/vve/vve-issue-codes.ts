import type { Issue } from '../result.ts';
import { zodIssueCodes } from '../retrofit/zod-issues.ts';
import { RULE_PICK_CODES } from '../rules/pick-rule.ts';

/** Every code the VvE ranking sends: its configuration file, a VvE's member data, and the engine session. */
export const VVE_ISSUE_CODES = [
  ...zodIssueCodes('vve.config'),
  'vve.config.weights-sum',
  'vve.config.band',
  'vve.config.override-unknown',
  'vve.members.duplicate',
  'vve.members.unknown',
  'vve.votes.invalid',
  'vve.rights.mismatch',
  'vve.majority.invalid',
  'vve.quorum.invalid',
  'vve.not-loaded',
  // The policy rules the ranking picks on the run's date (engine/vve/vve-rules.ts).
  ...RULE_PICK_CODES,
  'rules.term.unknown',
] as const;
export type VveIssueCode = (typeof VVE_ISSUE_CODES)[number];
export type VveIssue = Issue<VveIssueCode>;
