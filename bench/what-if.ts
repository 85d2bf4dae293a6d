import { compare, type BenchFigure } from './measure.ts';
import { DEFAULT_PARAMS } from '../engine/retrofit/params.ts';
import { buildScoreTables } from '../engine/retrofit/score-tables.ts';
import { DEFAULT_WEIGHTS } from '../engine/retrofit/weights.ts';
import { whatIf } from '../engine/retrofit/what-if.ts';
import { parseWhatIfInput } from '../engine/retrofit/what-if-input.ts';

/** The body bench/load.ts posts to /api/retrofit/what-if. */
const BODY = {
  type: 'tussenwoning',
  bouwjaar: 1965,
  oppervlakte: 100,
  label: 'E',
  eigendom: 'eigenaar-bewoner',
  date: '2025-03-01',
};
const CALLS = 500;

/**
 * One what-if (POST /api/retrofit/what-if) against its floor, validating the input alone; `extra` has the cost of
 * the score-table build it used to repeat per call (now cached per params × weights, what-if-tables.ts). Decides
 * where the route computes it: on the event loop while a what-if stays well under a millisecond, else in the worker.
 */
export async function benchWhatIf(): Promise<BenchFigure[]> {
  const tableBuild = await compare(
    `buildScoreTables × ${CALLS}`,
    () => {
      for (let i = 0; i < CALLS; i++) buildScoreTables(DEFAULT_PARAMS, DEFAULT_WEIGHTS, [''], Float32Array.of(NaN));
    },
    `parseWhatIfInput × ${CALLS}`,
    () => {
      for (let i = 0; i < CALLS; i++) parseWhatIfInput(BODY);
    },
    5,
  );
  const figure = await compare(
    `what-if, one dwelling × ${CALLS}`,
    () => {
      for (let i = 0; i < CALLS; i++) whatIf(BODY);
    },
    `parseWhatIfInput × ${CALLS} (input validation alone)`,
    () => {
      for (let i = 0; i < CALLS; i++) parseWhatIfInput(BODY);
    },
    7,
  );
  return [
    {
      ...figure,
      extra: {
        ...figure.extra,
        msPerWhatIf: Number((figure.ms / CALLS).toFixed(4)),
        msPerTableBuild: Number((tableBuild.ms / CALLS).toFixed(4)),
      },
    },
  ];
}
