/** Build periods as used by Hestia/WoON label tables (20230523_Woningen_BAG.csv `bouwjaar_str`). */
export const BUILD_PERIODS = [
  { id: 'voor 1930', from: 0, to: 1929 },
  { id: '1930 - 1945', from: 1930, to: 1945 },
  { id: '1946 - 1964', from: 1946, to: 1964 },
  { id: '1965 - 1974', from: 1965, to: 1974 },
  { id: '1975 - 1991', from: 1975, to: 1991 },
  { id: '1992 - 1995', from: 1992, to: 1995 },
  { id: '1996 - 1999', from: 1996, to: 1999 },
  { id: '2000 - 2005', from: 2000, to: 2005 },
  { id: '2006 - 2010', from: 2006, to: 2010 },
  { id: '2011 - 2014', from: 2011, to: 2014 },
  { id: '2015 - 2020', from: 2015, to: 2020 },
  { id: '2021 - 2030', from: 2021, to: 2030 },
] as const;
export type BuildPeriodId = (typeof BUILD_PERIODS)[number]['id'];

/** Index into BUILD_PERIODS for a build year; years after 2030 fall in the last period. */
export function buildPeriodIndex(bouwjaar: number): number {
  for (let i = 0; i < BUILD_PERIODS.length; i++) if (bouwjaar <= BUILD_PERIODS[i]!.to) return i;
  return BUILD_PERIODS.length - 1;
}

export function buildPeriod(bouwjaar: number): BuildPeriodId {
  return BUILD_PERIODS[buildPeriodIndex(bouwjaar)]!.id;
}
