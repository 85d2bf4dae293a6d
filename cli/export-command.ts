import { parseArgs } from 'node:util';
import { planAcquisition } from '../engine/acquisition/plan.ts';
import { EXPORT_PURPOSES, EXPORT_PURPOSE_IDS, isExportPurpose } from '../engine/acquisition/purposes.ts';
import { readDataset } from '../geodata/dataset-store.ts';
import { ordinanceOn } from '../geodata/rules/ordinance.ts';
import { todayInNl } from '../server/today.ts';
import { AcquisitionConfigError, loadAcquisitionConfig } from '../geodata/exports/acquisition-config.ts';
import { EXPORT_FORMATS, exportAcquisition, type ExportFormat } from '../geodata/exports/acquisition-export.ts';
import { writeFileAtomic } from '../geodata/file-write.ts';
import { splitRestricted, type SignalSet } from '../geodata/synthetic-signals/signal-set.ts';
import { AuditLog } from '../server/audit/audit-log.ts';
import { allows, policyFor } from '../server/auth/access-policy.ts';
import { ROLES, Role, maySeeSignalDetail } from '../server/auth/roles.ts';
import { defaultStateDir, openStateDb } from '../server/auth/state-db.ts';
import { localActor } from './token-command.ts';
import { UsageError, parseIntArg } from './usage-error.ts';

export const EXPORT_USAGE =
  'voorraad export acquisition --format csv|xlsx|geojson [--role gemeente|alwel] [--purpose P] [--out file]\n' +
  '                [--budget EUR] [--config acquisition.json] [--dataset file.gpkg] [--name N] [--state-dir DIR]';

/**
 * `voorraad export acquisition --format F [--role R]`: the ranked acquisition list with the budgeted selection,
 * as the API and the map export it, for the given role (default gemeente; alwel gets no signal columns; other
 * roles are refused). The file states who exported it (the OS account or --name), when, from which dataset and
 * for which purpose; the export is written to the audit log in the state directory.
 */
export async function exportCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: 'string' },
      role: { type: 'string', default: 'gemeente' },
      purpose: { type: 'string', default: 'verwerving' },
      out: { type: 'string' },
      budget: { type: 'string' },
      config: { type: 'string' },
      dataset: { type: 'string' },
      name: { type: 'string' },
      'state-dir': { type: 'string' },
    },
  });
  const [what, ...extra] = positionals;
  if (what !== 'acquisition' || extra.length > 0)
    throw new UsageError(`expected "export acquisition"\n${EXPORT_USAGE}`);
  const format = values.format as ExportFormat | undefined;
  if (format === undefined || !EXPORT_FORMATS.includes(format))
    throw new UsageError(`--format: expected one of ${EXPORT_FORMATS.join(', ')}, found "${values.format ?? ''}"`);
  const role = Role.safeParse(values.role);
  if (!role.success) throw new UsageError(`--role: expected one of ${ROLES.join(', ')}, found "${values.role}"`);
  if (!isExportPurpose(values.purpose))
    throw new UsageError(`--purpose: expected one of ${EXPORT_PURPOSE_IDS.join(', ')}, found "${values.purpose}"`);
  const purpose = values.purpose;
  if (format === 'xlsx' && values.out === undefined && process.stdout.isTTY)
    throw new UsageError('--out: an xlsx file is binary; give --out file.xlsx');
  let config;
  try {
    config = loadAcquisitionConfig(values.config);
  } catch (err) {
    if (err instanceof AcquisitionConfigError) throw new UsageError(`--config: ${err.message}`);
    throw err;
  }
  if (values.budget !== undefined) {
    const budget = parseIntArg(values.budget, 'budget');
    if (budget < 1_000 || budget > 50_000_000)
      throw new UsageError(`--budget: expected 1000–50000000 euro, found ${budget}`);
    config = { ...config, budgetEur: budget };
  }

  const me = localActor();
  const name = values.name ?? me.name;
  const db = openStateDb(values['state-dir'] ?? defaultStateDir());
  try {
    const audit = new AuditLog(db);
    const object = `acquisition:${format}`;
    if (!allows(policyFor('GET', '/api/acquisition/export')!.access, role.data)) {
      audit.append({
        actor: name,
        role: role.data,
        via: 'cli',
        action: 'access.denied',
        object,
        result: 'denied',
        origin: me.origin,
      });
      process.stderr.write(
        `voorraad export: auth.forbidden: role ${role.data} may not export the acquisition list (gemeente or alwel)\n`,
      );
      return 1;
    }
    let datasetFile = values.dataset;
    if (datasetFile === undefined) {
      const shipped = await import('../geodata/shipped.ts');
      shipped.ensureShippedDataset();
      datasetFile = shipped.SHIPPED_DATASET;
    }
    // RESTRICTED signals are read only for a role that may use them.
    const withSignals = maySeeSignalDetail(role.data);
    const { dataset, signalSet } = withSignals
      ? splitRestricted(readDataset(datasetFile, { restricted: true }))
      : { dataset: readDataset(datasetFile), signalSet: null as SignalSet | null };
    const plan = planAcquisition({
      dwellings: dataset.dwellings,
      vves: dataset.vves,
      signals: signalSet ? signalSet.signals : null,
      config,
      // The housing ordinance in force today enters the score (config/rules/ordinance.json).
      ordinance: ordinanceOn(todayInNl()),
    });
    if (!plan.ok) throw new UsageError(plan.issues.map((i) => i.message).join('; '));
    for (const w of plan.warnings) process.stderr.write(`voorraad export: let op: ${w.message}\n`);
    const file = await exportAcquisition(
      plan.value,
      format,
      {
        exportedBy: { name, role: role.data, via: 'cli' },
        exportedAt: new Date().toISOString(),
        dataset: {
          name: dataset.meta.name,
          dataDate: dataset.meta.dataDate,
          synthetic: dataset.meta.synthetic || (signalSet?.synthetic ?? false),
        },
        purpose: { id: purpose, label: EXPORT_PURPOSES[purpose] },
        signalSource: signalSet?.source ?? 'none',
      },
      new Map(dataset.buurten.map((b) => [b.buurtcode, b.buurtnaam])),
    );
    if (values.out !== undefined) writeFileAtomic(values.out, file.body);
    else process.stdout.write(file.body);
    audit.append({
      actor: name,
      role: role.data,
      via: 'cli',
      action: 'export',
      object,
      result: 'ok',
      origin: me.origin,
      detail: {
        rows: file.rows,
        purpose,
        format,
        signals: plan.value.usesSignals,
        dataset: dataset.meta.name,
        budget: plan.value.budgetEur,
        out: values.out ?? 'stdout',
      },
    });
    const euro = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
    process.stderr.write(
      `voorraad export: verwervingslijst ${file.rows} rijen, ${plan.value.selectedCount} geselecteerd (${euro.format(plan.value.selectedCostEur)} van ${euro.format(plan.value.budgetEur)})${values.out ? ` → ${values.out}` : ''}; vastgelegd in het auditlog\n`,
    );
    return 0;
  } finally {
    db.close();
  }
}
