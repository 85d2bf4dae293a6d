/**
 * The monitor's stored records, declared once: a dated status step of one planned dwelling and a money entry
 * (commitment or payment) for a dwelling or a batch. The store, the importer, the API and the figures all use
 * these shapes, so they only ever change additively.
 */
import { z } from 'zod';
import { BagVboId, IsoDate } from '../dwelling.ts';

/**
 * The steps a planned dwelling goes through as the programme reports them: the owner is invited (uitgenodigd),
 * accepts (akkoord: the ecological survey starts, plan status `onderzoek`), the dwelling is made natuurvrij and then
 * insulated; `afgezien` (declined) ends it from any open step. Order matters: a step may not be skipped
 * (status-ladder.ts).
 */
export const MONITOR_STATUSES = ['uitgenodigd', 'akkoord', 'natuurvrij', 'geïsoleerd', 'afgezien'] as const;
export const MonitorStatus = z.enum(MONITOR_STATUSES);
export type MonitorStatus = z.infer<typeof MonitorStatus>;

/** One dated status step: the day it happened (not the day it was entered). */
export const statusEventSchema = z.strictObject({
  vboId: BagVboId,
  status: MonitorStatus,
  date: IsoDate,
});
export type StatusEvent = z.infer<typeof statusEventSchema>;

/** toegezegd = committed (a grant decision), betaald = paid out. */
export const MONEY_KINDS = ['toegezegd', 'betaald'] as const;
export const MoneyKind = z.enum(MONEY_KINDS);
export type MoneyKind = z.infer<typeof MoneyKind>;

/** Who pays: the Volkshuisvestingsfonds grant, the municipality's co-financing, another subsidy, the owner. */
export const FUNDING_SOURCES = ['vhf', 'cofinanciering', 'subsidie', 'eigenaar'] as const;
export const FundingSource = z.enum(FUNDING_SOURCES);
export type FundingSource = z.infer<typeof FundingSource>;

/**
 * A money entry for one dwelling (vboId) or one batch (batchId, e.g. a block's survey), never both. Entries are
 * append-only: a correction is a new entry with `corrects` naming the reference it replaces; the replaced entry then
 * no longer counts (a correction of 0 cancels it). `reference` is the financial system's own id and is unique.
 */
export const moneyEntrySchema = z
  .strictObject({
    reference: z.string().min(1).max(80),
    kind: MoneyKind,
    date: IsoDate,
    amountEur: z.number().finite(),
    source: FundingSource,
    vboId: BagVboId.nullable(),
    batchId: z.string().min(1).nullable(),
    corrects: z.string().min(1).max(80).nullable(),
  })
  .refine((e) => (e.vboId === null) !== (e.batchId === null), {
    message: 'a money entry names either a dwelling (vboId) or a batch (batchId), not both or neither',
    path: ['vboId'],
  });
export type MoneyEntry = z.infer<typeof moneyEntrySchema>;
