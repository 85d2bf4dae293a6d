/**
 * `npm run check:references`: lists code comments (and test titles) whose reference leaves the repository — a
 * path into the shared reference folder beside it, an issue number (the word issue or a hash sign before a
 * number), a repository file that does not exist, or a section of docs/domain.md (a `§` number after
 * `domain.md`) that it does not have — with a count per kind, and counts the comments that cite `domain.md`
 * without its in-repo path `docs/domain.md`. Exits 1 when it finds any reference leaving the repository;
 * `npm test` runs it (scripts/checks.sh). Comments are the TypeScript parser's comment ranges, so `//` inside
 * strings and URLs is no comment.
 *
 * A file is cited by a path (`engine/retrofit/stock.ts`, or relative to the citing file) or by the bare name of
 * a source or doc (`stock.ts`, `README.md`). A bare data-file name (`weights.json`, `a.yaml`) names the user's
 * file in an example, a method (`c.json`) or an error code (`body.json`), never a repository file, so only its
 * path form is checked.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

export type FindingKind = 'shared-folder' | 'issue-number' | 'missing-file' | 'missing-section';

export interface Finding {
  file: string;
  /** 1-based line of the reference. */
  line: number;
  kind: FindingKind;
  /** The reference as written. */
  text: string;
}

const SHARED = /(?:\.\.\/)+shared\b|\/shared\/reference\b/g;
const ISSUE = /\bissues?\s+#?\d+\b|(?<![\w&/#])#\d+\b/gi;
/** File names the repository would hold: code, its data files and its docs (external data files such as *.csv are sources, not repository files). */
const FILE = /(?<![\w@./-])(?:\.{1,2}\/)*(?:[\w-]+\/)*[\w-]+(?:\.[\w-]+)*\.(?:ts|mjs|js|json|md|yaml)\b(?![\w/-])/g;

/** Extensions a bare file name must have to count as a citation of a repository file. */
const BARE_CITED = /\.(?:ts|mjs|js|md)$/;
/** `domain.md §5`, `docs/domain.md §2, §6`: the section numbers cited. */
const DOMAIN_SECTION = /domain\.md\s*((?:§\s*\d+(?:\s*(?:,|and|en|\/)\s*)?)+)/g;

/** The numbers of the `## N. Title` sections of docs/domain.md. */
export function domainSections(markdown: string): Set<string> {
  return new Set([...markdown.matchAll(/^##\s+(\d+)\./gm)].map((m) => m[1]!));
}

const TEST_CALLS = new Set(['it', 'test', 'describe']);

/** The title of `it('…')`, `describe.each(…)('…')` and the like, or null. */
function testTitle(node: ts.Node): ts.StringLiteralLike | null {
  if (!ts.isCallExpression(node)) return null;
  let callee: ts.Expression = node.expression;
  while (ts.isCallExpression(callee) || ts.isPropertyAccessExpression(callee)) callee = callee.expression;
  const title = node.arguments[0];
  return ts.isIdentifier(callee) && TEST_CALLS.has(callee.text) && title && ts.isStringLiteralLike(title)
    ? title
    : null;
}

/** Every comment of a TypeScript or JavaScript source, and every test title, with its offset. */
export function commentsOf(path: string, text: string): { pos: number; text: string }[] {
  const source = ts.createSourceFile(
    path,
    text,
    ts.ScriptTarget.Latest,
    true,
    path.endsWith('.ts') ? ts.ScriptKind.TS : ts.ScriptKind.JS,
  );
  const seen = new Map<number, string>();
  const take = (ranges: readonly ts.CommentRange[] | undefined) => {
    for (const r of ranges ?? []) seen.set(r.pos, text.slice(r.pos, r.end));
  };
  const visit = (node: ts.Node): void => {
    take(ts.getLeadingCommentRanges(text, node.pos));
    take(ts.getTrailingCommentRanges(text, node.end));
    const title = testTitle(node);
    if (title) seen.set(title.getStart(source), title.getText(source));
    node.forEachChild(visit);
  };
  visit(source);
  take(ts.getLeadingCommentRanges(text, source.endOfFileToken.pos));
  return [...seen].sort((a, b) => a[0] - b[0]).map(([pos, t]) => ({ pos, text: t }));
}

/**
 * The references in one file's comments that leave the repository. `exists(repoPath)` answers whether a
 * repository-relative path is a file here; a bare or partial name counts as existing if some file ends with it.
 */
export function referenceFindings(
  file: string,
  text: string,
  exists: (repoPath: string) => boolean,
  hasSuffix: (name: string) => boolean,
  sections: ReadonlySet<string> = new Set(),
): Finding[] {
  const out: Finding[] = [];
  const lineAt = (pos: number) => text.slice(0, pos).split('\n').length;
  for (const c of commentsOf(file, text)) {
    const add = (kind: FindingKind, m: RegExpMatchArray) =>
      out.push({ file, line: lineAt(c.pos + m.index!), kind, text: m[0] });
    for (const m of c.text.matchAll(SHARED)) add('shared-folder', m);
    for (const m of c.text.matchAll(ISSUE)) add('issue-number', m);
    for (const m of c.text.matchAll(DOMAIN_SECTION))
      for (const s of m[1]!.matchAll(/§\s*(\d+)/g))
        if (!sections.has(s[1]!)) add('missing-section', { ...s, index: m.index! + m[0].indexOf(s[0]) });
    for (const m of c.text.matchAll(FILE)) {
      const cited = m[0];
      if (!cited.includes('/') && !BARE_CITED.test(cited)) continue;
      const here = posix.normalize(posix.join(posix.dirname(file), cited));
      const found = exists(here) || exists(posix.normalize(cited)) || (!cited.startsWith('.') && hasSuffix(cited));
      if (!found && !/\bshared\b/.test(cited)) add('missing-file', m);
    }
  }
  return out;
}

/** Citations of `domain.md` in a comment that do not say `docs/domain.md`. */
export const bareDomainCitations = (comment: string): number =>
  [...comment.matchAll(/(?<![\w/-])(?:[\w./-]*\/)?domain\.md\b/g)].filter((m) => m[0] !== 'docs/domain.md').length;

function main(): void {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const tracked = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
  })
    .split('\n')
    .filter(Boolean);
  const files = new Set(tracked.filter((f) => existsSync(join(root, f))));
  // A file of a dependency (`comlink/dist/umd/node-adapter.js`, highs's `build/highs.mjs`) is no repository file but exists.
  const packages = readdirSync(join(root, 'node_modules')).flatMap((p) =>
    p.startsWith('@') ? readdirSync(join(root, 'node_modules', p)).map((q) => `${p}/${q}`) : [p],
  );
  const inDependency = (p: string) =>
    existsSync(join(root, 'node_modules', p)) || packages.some((pkg) => existsSync(join(root, 'node_modules', pkg, p)));
  const exists = (p: string) => files.has(p) || inDependency(p);
  const hasSuffix = (name: string) =>
    [...files].some((f) => f === name || f.endsWith(`/${name}`)) || inDependency(name);
  const sources = [...files].filter((f) => /\.(ts|mjs|js)$/.test(f) && !f.startsWith('node_modules/'));
  const sections = domainSections(readFileSync(join(root, 'docs/domain.md'), 'utf8'));
  const findings = sources.flatMap((f) =>
    referenceFindings(f, readFileSync(join(root, f), 'utf8'), exists, hasSuffix, sections),
  );
  for (const f of findings) console.log(`${f.file}:${f.line}: ${f.kind}: ${f.text}`);
  const count = (k: FindingKind) => findings.filter((f) => f.kind === k).length;
  const inFiles = new Set(findings.map((f) => f.file)).size;
  console.log(
    `\n${findings.length} references leave the repository in ${inFiles} of ${sources.length} files: ` +
      `${count('shared-folder')} to ../shared, ${count('issue-number')} issue numbers, ${count('missing-file')} files that do not exist, ` +
      `${count('missing-section')} sections docs/domain.md does not have.`,
  );
  const bareDomain = sources.reduce(
    (n, f) =>
      n + commentsOf(f, readFileSync(join(root, f), 'utf8')).reduce((k, c) => k + bareDomainCitations(c.text), 0),
    0,
  );
  console.log(`${bareDomain} citations of domain.md name it without its path docs/domain.md.`);
  process.exitCode = findings.length ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
