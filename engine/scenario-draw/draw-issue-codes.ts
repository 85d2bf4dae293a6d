/** Every code the draw builder sends; the scenario compiler's own codes follow when the drawn file is compiled. */
export const DRAW_ISSUE_CODES = [
  'draw.block.unknown',
  'draw.block.forbidden',
  'draw.kind.forbidden',
  'draw.selection.across-areas',
  'draw.selection.none-qualify',
] as const;
export type DrawIssueCode = (typeof DRAW_ISSUE_CODES)[number];
