import { z } from 'zod';

/** Energy prices and emission factors used for bills, paybacks and CO₂. */
export interface EnergyPrices {
  /** € per m³ gas, all-in (supply, network share, taxes, VAT). */
  gasEurPerM3: number;
  /** € per kWh electricity, all-in. */
  electricityEurPerKwh: number;
  /** kg CO₂ per m³ gas burnt. */
  co2KgPerM3Gas: number;
  /** kg CO₂ per kWh electricity. */
  co2KgPerKwh: number;
}

export const EnergyPricesSchema = z.strictObject({
  gasEurPerM3: z.number().positive().max(20),
  electricityEurPerKwh: z.number().positive().max(5),
  co2KgPerM3Gas: z.number().min(0).max(10),
  co2KgPerKwh: z.number().min(0).max(5),
});

/** Defaults for 2025. */
export const DEFAULT_PRICES_2025: Readonly<EnergyPrices> = {
  // domain.md §5: gas ≈ €1.33/m³ all-in in 2025 (H/M); planning studies often use €1.45/m³ — pass that to compare.
  gasEurPerM3: 1.33,
  // L: domain.md §5 gives only the electricity energy tax (€0.10154/kWh excl. VAT); €0.28/kWh all-in is an
  // assumption for a 2025 variable contract. A parameter, not a fact.
  electricityEurPerKwh: 0.28,
  // domain.md §5 (M): 1.78 kg CO₂ per m³ gas; 0.48 kg per kWh electricity.
  co2KgPerM3Gas: 1.78,
  co2KgPerKwh: 0.48,
};
