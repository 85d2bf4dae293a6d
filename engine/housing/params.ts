/**
 * Parameters of the household microsimulation, each with its default and source. Numbers marked
 * (L) are assumptions (docs/domain.md: "make it a parameter with this value as its default"); a scenario
 * overrides them under `parameters:`.
 */
import { z } from 'zod';
import { TENURES } from './codes.ts';

/** A distribution as weights in a fixed category order (need not sum to 1). */
export type Weights = readonly number[];

/** Who lives in (or moves into) a dwelling of one tenure: weights over size 1..5, AGE_BANDS and INCOME_BANDS. */
export interface HouseholdProfile {
  size: Weights;
  age: Weights;
  income: Weights;
}

export interface HousingParams {
  /** Yearly chance a household leaves its dwelling, by TENURES index. */
  departureRate: number[];
  /** Multiplier on departureRate for apartments and for eengezinswoningen. */
  apartmentDepartureFactor: number;
  singleFamilyDepartureFactor: number;
  /** Extra yearly chance of leaving (death, care home) for a head of household aged 75+. */
  elderlyExitRate: number;
  /** Multiplier on departureRate for a head of household under 30. */
  youngDepartureFactor: number;
  /** Share of dwellings vacant at the start. */
  initialVacancy: number;
  /** Chance a vacant dwelling is not let or sold within the year (frictional vacancy). */
  frictionalVacancy: number;
  /** Chance a non-low-income applicant takes a social dwelling that a quota keeps from a low-income applicant. */
  middleIncomeAcceptance: number;
  /** Share of households displaced by demolition that are rehoused in the modelled stock (the rest leave). */
  relocationWithinShare: number;
  /** Nominal growth of every household's income per year (fraction). */
  incomeGrowthRate: number;
  /**
   * Income band edges as multiples of the year's limits: the lowest income (× the passend-toewijzen limit), the
   * `midden` / `hoog` boundary and the highest income (× the DAEB limit), for households of one and of more persons.
   */
  incomeFloorFactor: number;
  highIncomeFactor: number;
  topIncomeFactor: number;
  /** Gas use for heating and hot water per m² of floor area and year, by ENERGY_LABELS index (m³). */
  gasM3PerM2ByLabel: number[];
  /** € per m³ gas, all-in. */
  gasEurPerM3: number;
  /** Yearly electricity cost per household (€), the same for every dwelling. */
  electricityEurPerYear: number;
  /** Floor area (m²) of new-build by DWELLING_TYPES index. */
  newBuildAreaM2: number[];
  /** Present households, by TENURES index. */
  residents: HouseholdProfile[];
  /** Households moving in, by TENURES index (social rent: regular applicants). */
  newcomers: HouseholdProfile[];
  /** Urgent applicants for social rent (urgentie, herhuisvesting). */
  urgentApplicants: HouseholdProfile;
  /** Applicants for dwellings labelled 55+ (age weights over AGE_BANDS: only 55+ bands). */
  seniorApplicants: HouseholdProfile;
  /** Weight multipliers on household size 1..5 for eengezinswoningen (families) and apartments (small households). */
  sizeFactorSingleFamily: Weights;
  sizeFactorApartment: Weights;
  /** Yearly household changes. */
  childLeavesRate: number;
  partnerLossRate: number;
  childBornRate: number;
  /** Chance that an income drops one band when the head reaches 67 (retirement). */
  retirementIncomeDrop: number;
  /** Yearly chance that a low income rises to the DAEB band, and that a DAEB income falls to low. */
  incomeRiseRate: number;
  incomeFallRate: number;
}

// Size 1..5, age bands 18-29/30-54/55-74/75+, income laag/daeb/midden/hoog.
// (L) Profiles: shaped after CBS household statistics for post-war corporation neighbourhoods (many
// one-person and elderly households in social rent, families in owner-occupied eengezinswoningen);
// the low-income share of social renters follows the passend-toewijzen target group (docs/domain.md §4).
const SOCIAL: HouseholdProfile = {
  size: [0.46, 0.24, 0.12, 0.1, 0.08],
  age: [0.11, 0.42, 0.31, 0.16],
  income: [0.62, 0.31, 0.06, 0.01],
};
const KOOP: HouseholdProfile = {
  size: [0.24, 0.34, 0.16, 0.18, 0.08],
  age: [0.08, 0.47, 0.32, 0.13],
  income: [0.12, 0.31, 0.33, 0.24],
};
const MID: HouseholdProfile = {
  size: [0.45, 0.33, 0.12, 0.08, 0.02],
  age: [0.3, 0.45, 0.18, 0.07],
  income: [0, 0.45, 0.45, 0.1],
};
const PRIVATE: HouseholdProfile = {
  size: [0.5, 0.25, 0.12, 0.09, 0.04],
  age: [0.3, 0.45, 0.17, 0.08],
  income: [0.4, 0.35, 0.18, 0.07],
};

export const DEFAULT_PARAMS: Readonly<HousingParams> = {
  // TENURES order: koop, sociale-huur, middenhuur-corporatie, particuliere-huur, gemeente, overig.
  // sociale-huur 0.086: Alwel Roosendaal ≈ 800 re-lettings a year on 9,066 dwellings (docs/domain.md §1, §4, M);
  // nationally ≈ 7 %. koop 0.05: owner-occupiers move about once in 20 years (L). Private rent 0.15 (L).
  departureRate: [0.05, 0.086, 0.1, 0.15, 0.1, 0.06],
  // (L) Flats turn over faster than eengezinswoningen; factors chosen so the corporation average stays ≈ 8.6 %.
  apartmentDepartureFactor: 1.12,
  singleFamilyDepartureFactor: 0.8,
  // (L) Mortality and moves to care of heads aged 75+ (CBS life tables give ≈ 5–10 %/yr from 75).
  elderlyExitRate: 0.06,
  youngDepartureFactor: 1.5,
  // (L) Frictional vacancy ≈ 1 % at the start; a vacated dwelling stays empty past the year end with
  // chance 0.1, which keeps vacancy near 1 % (CBS counts 2–3 % leegstand nationally, incl. long-term).
  initialVacancy: 0.01,
  frictionalVacancy: 0.1,
  // (L) Middle-income demand for a social dwelling in a focus buurt is thin.
  middleIncomeAcceptance: 0.6,
  // (L) Josephwijk precedent (docs/domain.md §4): part of the displaced households return to the area.
  relocationWithinShare: 0.35,
  // (L) Incomes grow with the limits' indexation (3.76 %/yr, housing.limits.indexation in config/rules/housing-limits.json),
  // so a household keeps its place against the limits unless a scenario or the rules say otherwise.
  incomeGrowthRate: 0.0376,
  // (L) Incomes are drawn uniformly within their band: laag from 0.55 × the passend-toewijzen limit (about the social
  // assistance level) to that limit, daeb up to the DAEB limit, midden up to 1.5 × and hoog up to 2.5 × the DAEB limit.
  incomeFloorFactor: 0.55,
  highIncomeFactor: 1.5,
  topIncomeFactor: 2.5,
  // (L) Calibrated so a label C dwelling of 100 m² uses ≈ 850 m³ (measured gas use of terraced houses in
  // Zundert 840 m³, apartments 660 m³, CBS 85999NED 2023) — below per-element physics, which overshoots
  // measured use 1.6–3× (prebound effect, docs/domain.md §5). Order A++++ … G.
  gasM3PerM2ByLabel: [0, 1, 2, 3, 5, 7, 8.5, 10, 11.5, 13, 15],
  // docs/domain.md §5: gas ≈ €1.33/m³ all-in in 2025 (H/M).
  gasEurPerM3: 1.33,
  // (L) ≈ 2,500 kWh at ≈ €0.28/kWh all-in.
  electricityEurPerYear: 700,
  // (L) Typical new-build floor areas: tussenwoning, hoekwoning, 2-onder-1-kap, vrijstaand, portiek, galerij, maisonnette, overig.
  newBuildAreaM2: [110, 115, 135, 160, 70, 65, 85, 55],
  residents: [KOOP, SOCIAL, MID, PRIVATE, PRIVATE, PRIVATE],
  newcomers: [
    // (L) Buyers of cheap eengezinswoningen in these buurten: starters and young families.
    { size: [0.3, 0.3, 0.17, 0.16, 0.07], age: [0.35, 0.5, 0.12, 0.03], income: [0.08, 0.37, 0.35, 0.2] },
    // (L) Regular social-rent applicants (woningzoekenden): younger and poorer than sitting tenants.
    { size: [0.5, 0.22, 0.12, 0.1, 0.06], age: [0.3, 0.44, 0.17, 0.09], income: [0.7, 0.27, 0.03, 0] },
    MID,
    { size: [0.52, 0.26, 0.1, 0.08, 0.04], age: [0.4, 0.42, 0.12, 0.06], income: [0.42, 0.35, 0.17, 0.06] },
    { size: [0.52, 0.26, 0.1, 0.08, 0.04], age: [0.4, 0.42, 0.12, 0.06], income: [0.42, 0.35, 0.17, 0.06] },
    PRIVATE,
  ],
  // (L) Urgent applicants are nearly all low-income.
  urgentApplicants: { size: [0.55, 0.15, 0.15, 0.1, 0.05], age: [0.3, 0.5, 0.14, 0.06], income: [0.9, 0.1, 0, 0] },
  seniorApplicants: { size: [0.62, 0.38, 0, 0, 0], age: [0, 0, 0.65, 0.35], income: [0.6, 0.35, 0.05, 0] },
  sizeFactorSingleFamily: [0.7, 1, 1.6, 1.7, 1.8],
  sizeFactorApartment: [1.25, 1, 0.6, 0.5, 0.4],
  // (L) Yearly household transitions.
  childLeavesRate: 0.08,
  partnerLossRate: 0.04,
  childBornRate: 0.06,
  retirementIncomeDrop: 0.3,
  incomeRiseRate: 0.03,
  incomeFallRate: 0.02,
};

const Share = z.number().min(0).max(1);
const perTenure = z.partialRecord(z.enum(TENURES), Share);

/** What a scenario may override under `parameters:`. */
export const ParamsOverride = z
  .strictObject({
    departureRate: perTenure
      .optional()
      .describe('yearly chance a household leaves, per tenure; sociale-huur default 0.086 (Alwel)'),
    apartmentDepartureFactor: z.number().min(0).max(5).optional(),
    singleFamilyDepartureFactor: z.number().min(0).max(5).optional(),
    elderlyExitRate: Share.optional(),
    youngDepartureFactor: z.number().min(0).max(5).optional(),
    initialVacancy: z.number().min(0).max(0.5).optional(),
    frictionalVacancy: z.number().min(0).max(0.9).optional(),
    middleIncomeAcceptance: Share.optional(),
    relocationWithinShare: Share.optional(),
    incomeGrowthRate: z
      .number()
      .min(-0.1)
      .max(0.2)
      .optional()
      .describe('nominal income growth per year; default 0.0376, the limits indexation'),
    gasEurPerM3: z.number().min(0).max(20).optional().describe('€ per m³ gas, all-in; default 1.33 (2025)'),
    electricityEurPerYear: z.number().min(0).max(10_000).optional(),
  })
  .describe('overrides of simulation parameters (engine/housing/params.ts)');
export type ParamsOverride = z.infer<typeof ParamsOverride>;

/** Defaults with a scenario's overrides applied. */
export function resolveParams(o: ParamsOverride | undefined): HousingParams {
  const p: HousingParams = structuredClone(DEFAULT_PARAMS) as HousingParams;
  if (!o) return p;
  const { departureRate, ...scalars } = o;
  if (departureRate)
    for (const [t, v] of Object.entries(departureRate))
      p.departureRate[TENURES.indexOf(t as (typeof TENURES)[number])] = v;
  for (const [k, v] of Object.entries(scalars)) if (v !== undefined) (p as unknown as Record<string, number>)[k] = v;
  return p;
}
