import { describe, expect, it } from 'vitest';
import { bareDomainCitations, referenceFindings } from './check-references.ts';

const repo = new Set(['engine/retrofit/stock.ts', 'engine/retrofit/weights.ts', 'docs/domain.md', 'README.md']);
const exists = (p: string) => repo.has(p);
const hasSuffix = (name: string) => [...repo].some((f) => f === name || f.endsWith(`/${name}`));
// The sibling folder the checker must flag, assembled so this test file itself cites no path outside the repo.
const SIBLING = ['..', 'shared'].join('/');
const DEEP_SIBLING = `../../${SIBLING}`;
const find = (text: string) =>
  referenceFindings('engine/retrofit/x.ts', text, exists, hasSuffix).map((f) => [f.line, f.kind, f.text]);

describe('check-references', () => {
  it('finds the shared folder, issue numbers and missing files in comments, with their lines', () => {
    const src = [
      `// Hestia tables, read from ${DEEP_SIBLING}/reference/data by the extractor.`,
      '/** Weights as in issue 13, item 2 (see #7). */',
      'export const a = 1; // see objective.ts and ./stock.ts',
      '/* engine/retrofit/gone.ts replaced weights.ts */',
    ].join('\n');
    expect(find(src)).toEqual([
      [1, 'shared-folder', DEEP_SIBLING],
      [2, 'issue-number', 'issue 13'],
      [2, 'issue-number', '#7'],
      [3, 'missing-file', 'objective.ts'],
      [4, 'missing-file', 'engine/retrofit/gone.ts'],
    ]);
  });

  it('finds issue numbers in test titles, and ignores strings, URLs and colours outside comments', () => {
    const src = [
      "it('codes each bad input of issue 5', () => {});",
      "const u = 'https://example.org/issue 9//#3'; const c = '#111111';",
      '// colour #7b2d8e, docs/domain.md §5, README.md, weights.ts, the shared writers',
    ].join('\n');
    expect(find(src)).toEqual([[1, 'issue-number', 'issue 5']]);
  });

  it('counts domain.md citations that do not give its path docs/domain.md', () => {
    expect(bareDomainCitations(`// domain.md §5, ${SIBLING}/reference/domain.md §2 and docs/domain.md §7`)).toBe(2);
    expect(bareDomainCitations('// docs/domain.md §1')).toBe(0);
  });
});
