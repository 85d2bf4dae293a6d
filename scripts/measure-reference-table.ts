/**
 * Prints the README table "Saving per measure and dwelling type" from engine/retrofit/measure-references.ts
 * (`npx tsx scripts/measure-reference-table.ts`); measure-references.test.ts fails when the README differs.
 */
import { referenceTableMarkdown } from '../engine/retrofit/measure-references.ts';

process.stdout.write(`${referenceTableMarkdown()}\n`);
