/**
 * Programme areas of the Nationaal Programma Roosendaal mapped to CBS 2024 buurten.
 * Westrand is not a CBS unit (docs/domain.md §1, L), so the mapping is data, not code.
 */
export const PROGRAMME_AREAS: Record<string, readonly string[]> = {
  Kalsdonk: ['BU16740202'],
  Westrand: ['BU16740300', 'BU16740301', 'BU16740302', 'BU16740303'],
  'Centrum-Oud': ['BU16740000'],
};

/** The buurten whose stock the product models by default (strategy 3: Kalsdonk and Westrand). */
export const FOCUS_BUURTEN: readonly string[] = [...PROGRAMME_AREAS.Kalsdonk!, ...PROGRAMME_AREAS.Westrand!];

export function programmeAreaOf(buurtcode: string): string | null {
  for (const [area, codes] of Object.entries(PROGRAMME_AREAS)) if (codes.includes(buurtcode)) return area;
  return null;
}
