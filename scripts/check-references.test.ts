import { describe, expect, it } from 'vitest';
import { bareDomainCitations, domainSections, referenceFindings } from './check-references.ts';

const repo = new Set(['engine/retrofit/stock.ts', 'engine/retrofit/weights.ts', 'docs/domain.md', 'README.md']);
const exists = (p: string) => repo.has(p);
const hasSuffix = (name: string) => [...repo].some((f) => f === name || f.endsWith(`/${name}`));
// The sibling folder the checker must flag, assembled so this test file itself cites no path outside the repo.
const SIBLING = ['..', 'shared'].join('/');
const DEEP_SIBLING = `../../${SIBLING}`;
const sections = domainSections('# Domain\n\n## 1. Places\n\n## 2. Nature\n\n### 2.1 Not a section\n\n## 5. Money\n');
const find = (text: string) =>
  referenceFindings('engine/retrofit/x.ts', text, exists, hasSuffix, sections).map((f) => [f.line, f.kind, f.text]);

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

  it('does not take a bare data-file name (a user file, a method, an error code) for a repository file', () => {
    const src = [
      '// voorraad compare a.yaml b.yaml; --weights weights.json; c.json(body); the code body.json',
      '// but config/weights.gone.json and ./missing.yaml are paths, and gone.md a doc',
    ].join('\n');
    expect(find(src)).toEqual([
      [2, 'missing-file', 'config/weights.gone.json'],
      [2, 'missing-file', './missing.yaml'],
      [2, 'missing-file', 'gone.md'],
    ]);
  });

  it('finds cited sections that docs/domain.md does not have', () => {
    expect(domainSections('## 1. A\n## 12. B\n### 3. C')).toEqual(new Set(['1', '12']));
    const src = ['// docs/domain.md §2 and §5; domain.md §7', "it('uses docs/domain.md §2, §9', () => {});"].join('\n');
    expect(find(src)).toEqual([
      [1, 'missing-section', '§7'],
      [2, 'missing-section', '§9'],
    ]);
  });

  it('counts domain.md citations that do not give its path docs/domain.md', () => {
    expect(bareDomainCitations(`// domain.md §5, ${SIBLING}/reference/domain.md §2 and docs/domain.md §7`)).toBe(2);
    expect(bareDomainCitations('// docs/domain.md §1')).toBe(0);
  });
});
