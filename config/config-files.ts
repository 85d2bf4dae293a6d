/**
 * Where the shipped default data files live: the priority weights and the natuurkalender (one JSON file
 * per national line, province or permit). The engine embeds the defaults; the CLI and server point users
 * here to copy and edit them.
 */
export const CONFIG_FILES = {
  weights: new URL('./weights.default.json', import.meta.url),
  /** Potentiekaart weights and indicator parameters per intervention (engine/potential/potential-weights.ts). */
  potentialWeights: new URL('./potential-weights.default.json', import.meta.url),
  /** Unit prices with base years and the bouwkostenindex series (engine/retrofit/price-book.ts). */
  retrofitPrices: new URL('./retrofit-prices.default.json', import.meta.url),
  /** Subsidy rows (ISDE, municipal, SVVE) per scheme and validity period (engine/retrofit/subsidies.ts). */
  retrofitSubsidies: new URL('./retrofit-subsidies.default.json', import.meta.url),
  natuurkalenderDir: new URL('./natuurkalender/', import.meta.url),
  permitProfilesDir: new URL('./permit-profiles/', import.meta.url),
  /** The one set of buurt parameters (engine/buurt-parameters). */
  buurtParameters: new URL('./buurt-parameters.default.json', import.meta.url),
  /** Policy rules as dated rows with sources (engine/rules, geodata/rules/load-rules.ts). */
  rulesDir: new URL('./rules/', import.meta.url),
  /** The programme's stock targets shown beside the indicator snapshots (engine/progress/programme-targets.ts). */
  progressTargets: new URL('./progress-targets.default.json', import.meta.url),
  /** The programme's period, VHF budget, co-financing share and CO₂ factor (engine/monitor/programme-settings.ts). */
  monitorProgramme: new URL('./monitor-programme.default.json', import.meta.url),
} as const;
