import { describe, expect, it } from 'vitest';
import { TEST_PLAN, TEST_SETTINGS, vbo } from '../monitor/monitor-test-plan.ts';
import type { MoneyEntry, StatusEvent } from '../monitor/monitor-records.ts';
import { smallDataset } from '../test-fixtures/small-dataset.ts';
import { takeIndicatorSnapshot } from './indicator-snapshot.ts';
import { progressReportFromRecords } from './progress-report.ts';
import { documentTables, type ReportDocument } from './report-document.ts';
import { reportHtml } from './report-html.ts';

const statuses: StatusEvent[] = [
  { vboId: vbo(1), status: 'uitgenodigd', date: '2026-06-01' },
  { vboId: vbo(1), status: 'akkoord', date: '2026-06-10' },
  { vboId: vbo(1), status: 'natuurvrij', date: '2026-08-05' },
  { vboId: vbo(1), status: 'geïsoleerd', date: '2026-10-20' },
  { vboId: vbo(4), status: 'afgezien', date: '2026-07-01' },
  { vboId: vbo(2), status: 'geïsoleerd', date: '2027-02-01' },
];
const entry = (p: Partial<MoneyEntry> & Pick<MoneyEntry, 'reference' | 'kind' | 'date' | 'amountEur'>): MoneyEntry => ({
  source: 'vhf',
  vboId: vbo(1),
  batchId: null,
  corrects: null,
  ...p,
});
const money: MoneyEntry[] = [
  entry({ reference: 'T1', kind: 'toegezegd', date: '2026-06-10', amountEur: 2000 }),
  entry({ reference: 'B1', kind: 'betaald', date: '2026-11-01', amountEur: 1200 }),
  entry({ reference: 'B1c', kind: 'betaald', date: '2026-11-15', amountEur: 1000, corrects: 'B1' }),
  entry({ reference: 'C1', kind: 'betaald', date: '2026-11-01', amountEur: 300, source: 'cofinanciering' }),
  entry({ reference: 'B2', kind: 'betaald', date: '2027-02-10', amountEur: 999, vboId: vbo(2) }),
];

function input(quarter: string): Parameters<typeof progressReportFromRecords>[0] {
  const ds = smallDataset();
  return {
    quarter,
    settings: TEST_SETTINGS,
    plan: TEST_PLAN,
    statuses,
    money,
    generatedAt: '2027-01-05T09:00:00.000Z',
    dataset: ds.meta,
    buurten: ds.buurten,
    snapshots: takeIndicatorSnapshot(ds, { snapshotId: 's1', takenOn: '2026-03-31', trigger: 'handmatig' }),
    targets: {
      id: 'test',
      retrieved: '2026-12-08',
      targets: [
        {
          id: 'k',
          description: 'Kalsdonk minder corporatie',
          area: 'Kalsdonk',
          indicator: 'aandeel-eigendom',
          category: 'corporatie',
          max: 0.4,
          by: '2030-12-31',
          source: 'test',
          assumption: true,
        },
      ],
    },
  };
}

const build = (q: string): ReportDocument => {
  const r = progressReportFromRecords(input(q));
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
};
const table = (d: ReportDocument, sheet: string) => documentTables(d).find((t) => t.sheet === sheet)!;

describe('progress report', () => {
  it("totals equal the stored records up to the quarter's end", () => {
    const d = build('2026Q4');
    const last = table(d, 'Realisatie per kwartaal').rows.at(-1)!;
    const until = '2026-12-31';
    const insulated = new Set(statuses.filter((s) => s.status === 'geïsoleerd' && s.date <= until).map((s) => s.vboId));
    expect(last.kwartaal).toBe('2026Q4');
    expect(last.gerealiseerd_insulated).toBe(insulated.size);
    expect(last.gerealiseerd_declined).toBe(1);
    // Paid: the correction replaces B1; B2 is after the quarter.
    const vhf = table(d, 'Budget').rows.find((r) => r.lijn === 'Volkshuisvestingsfonds')!;
    expect(vhf.betaald_eur).toBe(1000);
    expect(vhf.toegezegd_eur).toBe(2000);
    expect(table(d, 'Budget').rows[1]!.betaald_eur).toBe(300);
    expect(last.betaald_eur).toBe(1300);
    expect(d.summary[0]).toContain('1 woningen geïsoleerd');
    // The next quarter counts the later records.
    expect(table(build('2027Q1'), 'Realisatie per kwartaal').rows.at(-1)!.gerealiseerd_insulated).toBe(2);
  });

  it('shows per-buurt counts only after disclosure control', () => {
    const d = build('2026Q4');
    const perBuurt = table(d, 'Per buurt');
    // Every buurt has fewer than 10 planned dwellings: nothing per buurt can be read off.
    for (const r of perBuurt.rows) {
      expect(r.gepland).toBeNull();
      expect(r.declined).toBeNull();
      expect(r.aandeel_geisoleerd).toBeNull();
    }
    expect(table(d, 'Statuskaart').rows.every((r) => r.afgezien === null)).toBe(true);
  });

  it('prints a Dutch HTML page with cover, synthetic mark, every section and the target beside the snapshots', () => {
    const d = build('2026Q4');
    const html = reportHtml(d);
    expect(html).toContain('<html lang="nl">');
    expect(html).toContain('4e kwartaal 2026');
    expect(html).toContain('SYNTHETISCHE GEGEVENS');
    for (const s of d.sections) expect(html).toContain(`<h2>${s.heading}</h2>`);
    expect(html).toContain('Aannamen en bronnen');
    const targets = table(d, 'Doelen voorraad').rows[0]!;
    // Kalsdonk in the small dataset: 2 of 4 corporation-owned, above the 40 % bound.
    expect(targets.waarde).toBe(0.5);
    expect(targets.gehaald).toBe('nee');
    // Self-contained: no external resource to fetch (the SVG namespace URI is a name, not a request).
    expect(html).not.toMatch(/(src|href|url\()\s*=?\s*["']?https?:/);
    expect(html).not.toMatch(/<(script|link|img)\b/);
  });

  it('refuses a quarter that is not one, or before the programme start', () => {
    const bad = progressReportFromRecords(input('2027-1'));
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.issues[0]!.code).toBe('monitor.quarter.invalid');
    const early = progressReportFromRecords(input('2024Q4'));
    expect(!early.ok && early.issues[0]!.code).toBe('monitor.quarter.before-start');
  });
});
