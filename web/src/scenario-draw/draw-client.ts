/** Calls of the draw panel to the scenario version routes (server/routes/scenario-version-routes.ts). */
import { z } from 'zod';
import { ApiError, getJson } from '../api.ts';
import {
  DrawPreview,
  VersionDiff,
  VersionList,
  VersionSaved,
  VersionWithScenario,
} from '../../../engine/scenario-draw/version-schemas.ts';
import type { DrawDraftInput } from '../../../engine/scenario-draw/draw-draft.ts';

async function post<T>(path: string, body: unknown, schema: z.ZodType<T>): Promise<T> {
  const res = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
  });
  const json: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const err = z
      .object({ code: z.string(), message: z.string(), path: z.array(z.union([z.string(), z.number()])).optional() })
      .safeParse(json);
    const where = err.success && err.data.path ? ` (${err.data.path.join('.')})` : '';
    throw new ApiError(
      err.success ? err.data.code : `http.${res.status}`,
      err.success ? `${err.data.message}${where}` : res.statusText,
      path,
    );
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new ApiError('api.shape', parsed.error.message, path);
  return parsed.data;
}

export const previewDraft = (draft: DrawDraftInput) => post('/api/scenario-draw/preview', { draft }, DrawPreview);
export const saveVersion = (draft: DrawDraftInput, note: string, parentId: number | null) =>
  post('/api/scenario-versions', { draft, note, ...(parentId !== null ? { parentId } : {}) }, VersionSaved);
export const listVersions = () => getJson('/api/scenario-versions', VersionList);
export const getVersion = (id: number) => getJson(`/api/scenario-versions/${id}`, VersionWithScenario);
export const diffVersions = (id: number, against: number) =>
  getJson(`/api/scenario-versions/${id}/diff?against=${against}`, VersionDiff);
export const yamlUrl = (id: number) => `/api/scenario-versions/${id}/yaml`;
export const compareUrl = (id: number) => `/compare.html?versie=${id}`;
export const sheetUrl = (id: number) => `/gebiedsvisie.html?versie=${id}`;
