import '@fontsource/noto-sans/latin-400.css';
import '@fontsource/noto-sans/latin-600.css';
import './sheet.css';
import { z } from 'zod';
import { getRawJson } from '../api.ts';
import { requireSessionOrRedirect } from '../auth/session-gate.ts';
import { runScenario, VERSION_PREFIX } from '../scenario/scenario-api.ts';
import { getVersion } from './draw-client.ts';
import { renderSheet, type SheetBlock } from './sheet-render.ts';

// Signed in first: the sheet shows a saved version to any signed-in role (web/src/auth).
await requireSessionOrRedirect();
const status = document.getElementById('sheet-status')!;
const sheet = document.getElementById('sheet')!;
document.getElementById('print')!.addEventListener('click', () => window.print());

const Interventions = z.array(
  z.object({
    id: z.string().optional(),
    kind: z.string(),
    area: z.string(),
    blocks: z.array(z.string()).optional(),
    count: z.number().optional(),
  }),
);
const Blocks = z.object({
  features: z.array(z.object({ id: z.string(), geometry: z.object({ type: z.string() }).loose() })),
});
/** Years the sheet reports, after the programme's horizon of 2030 and the Woonagenda's 2035 (scenario targets). */
const YEARS = [2030, 2035];

try {
  const id = Number(new URLSearchParams(location.search).get('versie'));
  if (!Number.isInteger(id) || id < 1) throw new Error('geen versie in het adres (?versie=N)');
  const v = await getVersion(id);
  const interventions = Interventions.parse(v.scenario.interventions ?? []).map((iv, k) => ({
    ...iv,
    id: iv.id ?? `${iv.kind}-${k + 1}`,
  }));
  const [blocks, baseline, result] = await Promise.all([
    getRawJson('/api/blocks').then((b) => Blocks.parse(b).features as unknown as SheetBlock[]),
    runScenario('baseline'),
    runScenario(`${VERSION_PREFIX}${id}`),
  ]);
  const drawnArea = interventions.find((iv) => iv.blocks)?.area;
  const area = result.units.some((u) => u.id === drawnArea) ? drawnArea! : 'Kalsdonk';
  sheet.innerHTML = renderSheet({
    version: v,
    synthetic: v.synthetic,
    interventions,
    blocks,
    baseline,
    result,
    area,
    years: YEARS,
  });
  status.textContent = '';
  document.body.dataset.ready = 'true';
} catch (err) {
  status.textContent = `Fout: ${err instanceof Error ? err.message : String(err)}`;
  status.className = 'status error';
}
