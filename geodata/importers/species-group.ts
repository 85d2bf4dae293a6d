import type { SPECIES_GROUPS } from '../../engine/registers.ts';

type SpeciesGroup = (typeof SPECIES_GROUPS)[number];

// Dutch and scientific names of the building-dwelling species of docs/domain.md §2.
const PATTERNS: readonly (readonly [RegExp, SpeciesGroup])[] = [
  [
    /vleermuis|dwergvleermuis|laatvlieger|grootoor|meervleermuis|pipistrel|eptesicus|plecotus|myotis|nyctalus|rosse vleermuis/,
    'vleermuis',
  ],
  [/huismus|passer domesticus/, 'huismus'],
  [/gierzwaluw|apus apus/, 'gierzwaluw'],
  [/huiszwaluw|delichon/, 'huiszwaluw'],
];

/** The group of a species name (Dutch or scientific, any case); 'overig' when it is none of the building dwellers. */
export function speciesGroupOf(species: string): SpeciesGroup {
  const s = species.toLowerCase();
  return PATTERNS.find(([re]) => re.test(s))?.[1] ?? 'overig';
}
