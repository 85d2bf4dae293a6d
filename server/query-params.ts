import { z } from 'zod';
import { ApiError } from './api-error.ts';

/**
 * Query parameter forms shared by routes. Form is checked by the route's query schema (400 `query.invalid`
 * naming the parameter); whether a buurt is in the dataset by `checkKnownBuurten` (404), the same way on every
 * route.
 */
/** Most codes one buurt list may hold (repeats included); the dataset has far fewer buurten. */
export const MAX_BUURTEN_PER_REQUEST = 100;

/**
 * Bounded before any work (a code repeated 1,000 times built a ~1 GB answer on the event loop): at most 100 codes,
 * 1,100 characters, repeats answered once.
 */
export const BuurtList = z
  .string()
  .max(MAX_BUURTEN_PER_REQUEST * 11, `at most ${MAX_BUURTEN_PER_REQUEST} buurt codes`)
  .regex(/^\s*BU\d{8}\s*(,\s*BU\d{8}\s*)*$/, 'comma-separated CBS buurt codes such as BU16740202')
  .refine((s) => s.split(',').length <= MAX_BUURTEN_PER_REQUEST, `at most ${MAX_BUURTEN_PER_REQUEST} buurt codes`)
  .transform((s) => [...new Set(s.split(',').map((v) => v.trim()))]);

export function checkKnownBuurten(codes: readonly string[], known: ReadonlySet<string>): void {
  codes.forEach((code, i) => {
    if (!known.has(code))
      throw new ApiError('buurt.unknown', `buurt ${code} is not in the dataset`, ['query', 'buurt', i]);
  });
}

/** A whole number min–max written in a query string. */
export const WholeNumber = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,16}$/, `a whole number ${min}–${max}`)
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

/** A comma-separated list of enum values (OR within the filter). */
export const CsvOf = <T extends string>(values: readonly [T, ...T[]]) =>
  z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(values)));
