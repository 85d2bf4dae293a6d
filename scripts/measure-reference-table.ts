/**
 * Prints the README table "Saving per measure and dwelling type" from engine/retrofit/measure-references.ts and the
 * shipped synthetic stock (`npx tsx scripts/measure-reference-table.ts`); test/retrofit/measure-reference-table.test.ts
 * fails when the README differs.
 */
import { hybridStockMeans, referenceTableMarkdown } from '../engine/retrofit/measure-references.ts';
import { DEFAULT_PARAMS } from '../engine/retrofit/params.ts';
import { syntheticStock } from '../geodata/reference/retrofit-synthetic-stock.ts';

const { stock } = syntheticStock();
process.stdout.write(`${referenceTableMarkdown(hybridStockMeans(stock, DEFAULT_PARAMS))}\n`);
