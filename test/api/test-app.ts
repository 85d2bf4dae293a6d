import { smallDataset } from '../fixtures/small-dataset.ts';
import { toColumns } from '../../engine/dwelling-table.ts';
import { createApp } from '../../server/app.ts';
import { loadDatasetIntoMemory } from '../../server/loaded-dataset.ts';
import { createEngineService } from '../../workers/engine-service.ts';

/** The HTTP app over the small fixture, with the engine service in-process (no thread, no files). */
export async function testApp() {
  const ds = smallDataset();
  const engine = createEngineService();
  await engine.load(toColumns(ds.dwellings));
  return createApp({ data: loadDatasetIntoMemory(ds), engine, version: 'test', tilesDir: null, webDir: null });
}
