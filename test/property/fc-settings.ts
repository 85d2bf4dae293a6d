import fc from 'fast-check';

/**
 * One fixed seed for every property and fuzz suite, so CI is deterministic; FC_SEED=<n> replays or explores
 * another seed, FC_RUNS=<factor> scales the number of runs (e.g. FC_RUNS=10 for a long local hunt).
 */
export const SEED = Number(process.env.FC_SEED ?? 20_261_128);
const FACTOR = Number(process.env.FC_RUNS ?? 1);

/** The run count for a property, scaled by FC_RUNS. */
export const runs = (n: number): number => Math.max(1, Math.round(n * FACTOR));

/**
 * fc.assert with the suite's seed; a failure names the seed, the counterexample path and how to replay it
 * (fast-check's own report carries the shrunk counterexample).
 */
export async function check<T>(property: fc.IAsyncProperty<T> | fc.IProperty<T>, numRuns: number): Promise<void> {
  try {
    await fc.assert(property as fc.IAsyncProperty<T>, { seed: SEED, numRuns: runs(numRuns), endOnFailure: true });
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    throw new Error(`property failed with seed ${SEED} (replay: FC_SEED=${SEED}); ${msg}`, { cause: err });
  }
}

/** Watches for unhandled rejections and uncaught exceptions while a suite runs; `.seen` lists them. */
export function watchProcess(): { seen: string[]; stop(): void } {
  const seen: string[] = [];
  const onRejection = (reason: unknown) =>
    seen.push(`unhandledRejection: ${reason instanceof Error ? reason.stack : String(reason)}`);
  const onException = (err: Error) => seen.push(`uncaughtException: ${err.stack ?? String(err)}`);
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);
  return {
    seen,
    stop: () => {
      process.off('unhandledRejection', onRejection);
      process.off('uncaughtException', onException);
    },
  };
}

/** Strings that break parsers: numbers that are not, huge and tiny numbers, prototype keys, controls, bidi, lone surrogates. */
export const NASTY_STRINGS: readonly string[] = [
  '',
  ' ',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e309',
  '-1e309',
  '-0',
  '0x1F',
  '1_000',
  '1,5',
  '١٢٣',
  '9'.repeat(400),
  '0.1e-400',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '\u0000',
  '\u0000abc',
  '\ud800',
  '\udfff',
  '\u202e\u0041',
  '\ufeff',
  '💥🏠',
  'é'.normalize('NFD'),
  '\r\n',
  '\t',
  '../../../etc/passwd',
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  '%00',
  '%',
  '%%',
  '${7*7}',
  '{{7*7}}',
  'x'.repeat(10_000),
  'BU16740202',
  'BU16740202,BU16740202',
  ',,,',
  'BU99999999',
  '2025-02-30',
  '9999-12-31',
  '0000-00-00',
  '1674010000000001',
  '16740100000000010',
  '-1',
  '2147483648',
  '9007199254740993',
  'A++++',
  'G',
  'a',
];

/** A nasty string: from the list, a random (binary) string, or a number written as text. */
export const nastyString = (): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constantFrom(...NASTY_STRINGS),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.string({ maxLength: 20 }),
    fc.double().map(String),
    fc.bigInt().map(String),
  );

/** A JSON value with nasty leaves and prototype keys at any depth. */
export const nastyJson = (): fc.Arbitrary<unknown> =>
  fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      nastyString(),
      fc.double(),
      fc.integer(),
      fc.constantFrom(null, true, false, 0, -1, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 5e-324),
      fc.array(tie('value'), { maxLength: 4 }),
      tie('object'),
    ),
    object: fc.dictionary(
      fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype'), fc.string({ maxLength: 8 })),
      tie('value'),
      { maxKeys: 5 },
    ),
  })).value;

/** Nested arrays and objects `depth` levels deep, as JSON text. */
export const deepJson = (depth: number, kind: 'array' | 'object'): string =>
  kind === 'array' ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
