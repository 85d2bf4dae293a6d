import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { buildBlocks } from '../../engine/blocks/blocks.ts';
import { scenarioDiff } from '../../engine/housing/scenario-diff.ts';
import type { ScenarioInput } from '../../engine/housing/scenario-schema.ts';
import { parseScenarioObject, parseScenarioText, type ScenarioIssue } from '../../engine/housing/scenario-yaml.ts';
import { DrawDraft } from '../../engine/scenario-draw/draw-draft.ts';
import { DRAW_PERMISSIONS } from '../../engine/scenario-draw/draw-roles.ts';
import { drawScenario, type DrawStock } from '../../engine/scenario-draw/draw-scenario.ts';
import { drawSummary } from '../../engine/scenario-draw/draw-summary.ts';
import { scenarioToYaml } from '../../engine/scenario-draw/scenario-to-yaml.ts';
import { PROGRAMME_AREAS } from '../../geodata/boundaries/programme-areas.ts';
import { prepareParsed, referencedBuurten, scenarioDataset } from '../../workers/scenario-files.ts';
import { ApiError } from '../api-error.ts';
import type { AppContext } from '../app-context.ts';
import { auditOrigin } from '../auth/request-origin.ts';
import { principalOf } from '../auth/principal.ts';
import { ALL_ROLES, ROLES, type Role } from '../auth/roles.ts';
import { json, route, routeGroup } from '../route-spec.ts';
import { openScenarioVersionStore } from '../scenario-versions/version-store.ts';
import {
  DrawPreview,
  VersionDiff,
  VersionList,
  VersionSaved,
  VersionWithScenario,
} from '../../engine/scenario-draw/version-schemas.ts';

const BASELINE = fileURLToPath(new URL('../../scenarios/baseline.yaml', import.meta.url));
const MAX_BODY = 256 * 1024;
/** Roles that may draw and save (engine/scenario-draw/draw-roles.ts); every signed-in role reads versions. */
const DRAW_ACCESS: readonly Role[] = ROLES.filter((r) => DRAW_PERMISSIONS[r] !== undefined);

const SaveRequest = z
  .strictObject({
    draft: DrawDraft.optional().describe('a drawing: blocks and interventions (the scenario is built from it)'),
    scenario: z.unknown().optional().describe('a whole scenario object, e.g. an edited earlier version'),
    note: z.string().max(2000).default(''),
    parentId: z.number().int().positive().optional().describe('the version this one changes'),
  })
  .meta({ id: 'ScenarioVersionSave' });
const PreviewRequest = z.strictObject({ draft: DrawDraft }).meta({ id: 'ScenarioDrawPreviewRequest' });
const IdParams = z.object({ id: z.coerce.number().int().positive() });
const DiffQuery = z.object({ against: z.coerce.number().int().positive().describe('the older version') });

function issueError(
  issues: readonly { code: string; message: string; path?: (string | number)[] }[],
  prefix: (string | number)[],
): ApiError {
  const first = issues[0]!;
  const more = issues.length > 1 ? ` (+${issues.length - 1} more)` : '';
  return ApiError.fromIssue(
    { code: first.code, message: `${first.message}${more}`, path: ['body', ...prefix, ...(first.path ?? [])] },
    400,
  );
}

function versionState(ctx: AppContext) {
  const ds = ctx.data.dataset;
  const { blockOf } = buildBlocks(ds);
  const columns = ctx.data.columns;
  const stock: DrawStock = { ...columns, blockOf: columns.vboId.map((v) => blockOf.get(v) ?? null) };
  const base = parseScenarioText(readFileSync(BASELINE, 'utf8'));
  if (!base.ok) throw new Error(`scenarios/baseline.yaml is invalid: ${JSON.stringify(base.issues)}`);
  // The baseline's targets on buurten the served dataset lacks (an imported set of a few buurten) are left out, so
  // a drawing on such a dataset is still compared on the targets it can measure.
  const known = new Set(ds.buurten.map((b) => b.buurtcode));
  const measurable = (area: string) => (PROGRAMME_AREAS[area] ?? [area]).some((code) => known.has(code));
  const baseInput = {
    ...base.scenario,
    targets: base.scenario.targets.filter((t) => measurable(t.area)),
  } as ScenarioInput;
  const store = ctx.scenarioVersions ?? openScenarioVersionStore(':memory:').store;

  /** The scenario a drawing gives, checked by the schema and the compiler as a file would be. */
  const fromDraft = (draft: DrawDraft, role: string) => {
    const drawn = drawScenario(draft, baseInput, stock, { role, programmeAreas: PROGRAMME_AREAS });
    if (!drawn.ok) throw issueError(drawn.issues, ['draft']);
    check(drawn.value.scenario, ['draft'], drawn.value.firstDrawn);
    return { ...drawn.value, summary: drawSummary(draft, drawn.value.drawn, stock) };
  };
  /** Schema + compile against the served stock; issues of drawn interventions point at the drawing. */
  const check = (scenario: unknown, prefix: (string | number)[], firstDrawn?: number): ScenarioInput => {
    const parsed = parseScenarioObject(scenario);
    if (!parsed.ok) throw issueError(parsed.issues, prefix);
    const extra = [...Object.values(parsed.scenario.areas ?? {}).flat(), ...referencedBuurten(parsed.scenario)];
    const prepared = prepareParsed(parsed, {
      id: 'version',
      file: null,
      baseDir: null,
      data: scenarioDataset(ds, columns, extra),
      runs: 1,
    });
    if (!prepared.ok) {
      const issues: ScenarioIssue[] = prepared.issues;
      throw issueError(issues, firstDrawn === undefined ? prefix : [...prefix, 'scenario']);
    }
    return scenario as ScenarioInput;
  };
  const find = (id: number) => {
    const v = store.get(id);
    if (!v) throw new ApiError('scenario-version.unknown', `no scenario version ${id}`, ['path', 'id']);
    return v;
  };
  return { store, fromDraft, check, find, synthetic: ds.meta.synthetic, audit: ctx.security.audit };
}

const link = (id: number) => `/?versie=${id}`;

/**
 * Scenarios drawn on the map and their versions: preview a drawing (the scenario file and the change per buurt),
 * save a version (author, time, note, parent), list, read, diff, and download the YAML for CI. Drawing and saving
 * follow the draw permissions per role; every signed-in role may open a version by its link.
 */
export const SCENARIO_VERSION_ROUTES = routeGroup(versionState, [
  route({
    method: 'POST',
    path: '/api/scenario-draw/preview',
    access: DRAW_ACCESS,
    bodyLimit: MAX_BODY,
    body: PreviewRequest,
    errors: [403],
    summary: 'The scenario a drawing gives (the baseline plus the drawn interventions) and its change per buurt',
    responses: { 200: json(DrawPreview) },
    handler: (c, { body }, s) => {
      const p = principalOf(c)!;
      const r = s.fromDraft(body.draft, p.role);
      return c.json({ synthetic: s.synthetic, scenario: r.scenario, summary: r.summary });
    },
  }),
  route({
    method: 'POST',
    path: '/api/scenario-versions',
    access: DRAW_ACCESS,
    bodyLimit: MAX_BODY,
    body: SaveRequest,
    errors: [403, 404],
    summary: 'Saves a scenario version (from a drawing or a whole scenario) with its note and parent',
    responses: { 201: json(VersionSaved) },
    handler: (c, { body }, s) => {
      const p = principalOf(c)!;
      if ((body.draft === undefined) === (body.scenario === undefined))
        throw new ApiError('request.scenario', 'give exactly one of draft and scenario', [
          'body',
          body.draft === undefined ? 'draft' : 'scenario',
        ]);
      if (body.parentId !== undefined && !s.store.get(body.parentId))
        throw new ApiError('scenario-version.unknown', `no scenario version ${body.parentId}`, ['body', 'parentId']);
      const scenario = body.draft ? s.fromDraft(body.draft, p.role).scenario : s.check(body.scenario, ['scenario']);
      const saved = s.store.create({
        name: scenario.name,
        author: p.name,
        role: p.role,
        note: body.note,
        parentId: body.parentId ?? null,
        scenario: scenario as Record<string, unknown>,
        draft: (body.draft as Record<string, unknown> | undefined) ?? null,
      });
      return c.json({ ...saved, link: link(saved.id) }, 201);
    },
  }),
  route({
    method: 'GET',
    path: '/api/scenario-versions',
    access: ALL_ROLES,
    summary: 'Saved scenario versions, newest first',
    responses: { 200: json(VersionList) },
    handler: (c, _in, s) =>
      c.json({ synthetic: s.synthetic, versions: s.store.list().map((v) => ({ ...v, link: link(v.id) })) }),
  }),
  route({
    method: 'GET',
    path: '/api/scenario-versions/{id}',
    access: ALL_ROLES,
    params: IdParams,
    errors: [404],
    summary: 'One scenario version with its scenario and drawing',
    responses: { 200: json(VersionWithScenario) },
    handler: (c, { params }, s) => {
      const v = s.find(params.id);
      return c.json({ ...v, link: link(v.id), synthetic: s.synthetic });
    },
  }),
  route({
    method: 'GET',
    path: '/api/scenario-versions/{id}/diff',
    access: ALL_ROLES,
    params: IdParams,
    query: DiffQuery,
    errors: [404],
    summary: 'What changed from version `against` to this one: interventions and targets added, removed, changed',
    responses: { 200: json(VersionDiff) },
    handler: (c, { params, query }, s) => {
      const newer = s.find(params.id);
      const older = s.store.get(query.against);
      if (!older)
        throw new ApiError('scenario-version.unknown', `no scenario version ${query.against}`, ['query', 'against']);
      const parse = (v: typeof newer) => {
        const p = parseScenarioObject(v.scenario);
        if (!p.ok) throw new Error(`stored version ${v.id} no longer parses: ${p.issues[0]!.message}`);
        return p.scenario;
      };
      return c.json({ from: older.id, to: newer.id, ...scenarioDiff(parse(older), parse(newer)) });
    },
  }),
  route({
    method: 'GET',
    path: '/api/scenario-versions/{id}/yaml',
    access: ALL_ROLES,
    params: IdParams,
    errors: [404],
    summary: 'The version as a scenario YAML file for `voorraad run` (attachment)',
    responses: {
      200: { description: 'The scenario file', content: { 'application/yaml': z.string().describe('scenario YAML') } },
    },
    handler: async (c, { params }, s) => {
      const v = s.find(params.id);
      const p = principalOf(c)!;
      const origin = [
        `Scenarioversie ${v.id} "${v.name}" van ${v.author} (${v.role ?? 'script'}), ${v.createdAt}`,
        ...(v.parentId ? [`Afgeleid van versie ${v.parentId}`] : []),
        ...(v.note ? [`Notitie: ${v.note}`] : []),
        ...(s.synthetic
          ? ['Gemaakt op de synthetische dataset: de blokken en uitkomsten beschrijven geen echte woningen.']
          : []),
      ].join('\n');
      // A download is an export: logged like every other (README "Users and roles").
      await s.audit.record({
        actor: p.name,
        role: p.role,
        via: p.via,
        action: 'export',
        object: `scenario-version:${v.id}:yaml`,
        result: 'ok',
        origin: auditOrigin(c),
        detail: { versionId: v.id, format: 'yaml', synthetic: s.synthetic },
      });
      return c.body(scenarioToYaml(v.scenario as ScenarioInput, origin), 200, {
        'Content-Type': 'application/yaml; charset=UTF-8',
        'Content-Disposition': `attachment; filename="scenario-versie-${v.id}.yaml"`,
        'Cache-Control': 'private, no-store',
      });
    },
  }),
]);
