import type { Issue } from '../result.ts';

/** Every code the acquisition list sends: its configuration, an empty zone list, and the warnings of a plan. */
export const ACQUISITION_ISSUE_CODES = [
  'acquisition.config.invalid',
  'acquisition.zones.empty',
  'acquisition.zone.no-candidates',
  'acquisition.unit.coarsened',
  'acquisition.signals.none',
] as const;
export type AcquisitionIssueCode = (typeof ACQUISITION_ISSUE_CODES)[number];
export type AcquisitionIssue = Issue<AcquisitionIssueCode>;
