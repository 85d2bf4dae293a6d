import { describe, expect, it } from 'vitest';
import { DEFAULT_PRICES_2025, EnergyPricesSchema } from './prices.ts';

describe('energy prices', () => {
  it('default to domain.md §5 for 2025: gas €1.33/m³, CO₂ 1.78 kg/m³ and 0.48 kg/kWh', () => {
    expect(DEFAULT_PRICES_2025).toMatchObject({ gasEurPerM3: 1.33, co2KgPerM3Gas: 1.78, co2KgPerKwh: 0.48 });
    expect(EnergyPricesSchema.safeParse(DEFAULT_PRICES_2025).success).toBe(true);
  });
  it('are validated when configured', () => {
    expect(EnergyPricesSchema.safeParse({ ...DEFAULT_PRICES_2025, gasEurPerM3: 0 }).success).toBe(false);
    expect(EnergyPricesSchema.safeParse({ ...DEFAULT_PRICES_2025, extra: 1 }).success).toBe(false);
  });
});
