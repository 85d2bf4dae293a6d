import { z } from 'zod';
import type { Dataset } from './dataset.ts';

/**
 * Per buurt: whether its stock comes from registers or from the synthetic generator. A dataset is synthetic as a
 * whole while any synthetic record remains (geodata/importers/dataset-merge.ts); this says where, so a dataset built
 * from registers for some buurten and still synthetic in others says so per buurt (metadata, API, banner).
 */
export const STOCK_STATUSES = ['geregistreerd', 'synthetisch', 'gemengd', 'leeg'] as const;
export type StockStatus = (typeof STOCK_STATUSES)[number];

export const BuurtStock = z.object({
  buurtcode: z.string(),
  buurtnaam: z.string(),
  /** Dwellings from a register ('registered'), or estimated from one ('imputed'). */
  registered: z.number().int().min(0),
  synthetic: z.number().int().min(0),
  status: z.enum(STOCK_STATUSES),
});
export type BuurtStock = z.infer<typeof BuurtStock>;

export function statusOf(registered: number, synthetic: number): StockStatus {
  if (synthetic > 0) return registered > 0 ? 'gemengd' : 'synthetisch';
  return registered > 0 ? 'geregistreerd' : 'leeg';
}

/** One entry per buurt of the dataset, in the dataset's buurt order. */
export function buurtStock(ds: Pick<Dataset, 'buurten' | 'dwellings'>): BuurtStock[] {
  const counts = new Map(ds.buurten.map((b) => [b.buurtcode, { registered: 0, synthetic: 0 }]));
  for (const d of ds.dwellings) {
    const c = counts.get(d.buurtcode);
    if (!c) continue;
    if (d.provenance === 'synthetic') c.synthetic++;
    else c.registered++;
  }
  return ds.buurten.map((b) => {
    const c = counts.get(b.buurtcode)!;
    return { buurtcode: b.buurtcode, buurtnaam: b.buurtnaam, ...c, status: statusOf(c.registered, c.synthetic) };
  });
}

/** Only the buurten with a stock (empty buurten are boundaries without dwellings, e.g. outside the programme). */
export const withStock = (list: readonly BuurtStock[]): BuurtStock[] => list.filter((b) => b.status !== 'leeg');

/**
 * The per-buurt status to show for a dataset: recomputed from its records (so a file written before the metadata
 * existed is right too), for the buurten its metadata lists, else for the buurten with a stock.
 */
export function datasetStockStatus(ds: Pick<Dataset, 'buurten' | 'dwellings' | 'meta'>): BuurtStock[] {
  const listed = new Set((ds.meta.buurtStock ?? []).map((b) => b.buurtcode));
  return buurtStock(ds).filter((b) => listed.has(b.buurtcode) || b.status !== 'leeg');
}
