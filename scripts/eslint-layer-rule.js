// ESLint rule `layers/imports`: an import may not cross a layer boundary, whatever its relative depth.
// The specifier is resolved against the importing file (two levels up from a file two folders deep is the repository
// root), so a boundary holds at any depth, for static imports, re-exports, `import()` calls and `import('…')` types alike.
import path from 'node:path';

/**
 * Options: `{ root, boundaries: [{ from, allow?, allowJson?, deny?, message }] }`, folders relative to `root` (the
 * repository). A file under `from` may import repository files only under one of `allow` (when given) or `.json`
 * data files under one of `allowJson`, and none under `deny`.
 * Package and `node:` specifiers are not repository files and pass (engine purity is a separate rule).
 */
const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'imports must stay inside their layer (engine/ imports only engine/, web/ no server/)' },
    schema: [
      {
        type: 'object',
        properties: { root: { type: 'string' }, boundaries: { type: 'array' } },
        required: ['root', 'boundaries'],
        additionalProperties: false,
      },
    ],
    messages: { crosses: '{{file}} imports {{target}}: {{message}}' },
  },
  create(context) {
    const { root, boundaries } = context.options[0];
    const file = path.relative(root, context.filename).split(path.sep).join('/');
    const inside = (p, dir) => p === dir || p.startsWith(`${dir}/`);
    const mine = boundaries.filter((b) => inside(file, b.from));
    if (mine.length === 0) return {};

    function check(node, spec) {
      if (typeof spec !== 'string' || !(spec.startsWith('.') || path.isAbsolute(spec))) return;
      const target = path
        .relative(root, path.resolve(path.dirname(context.filename), spec))
        .split(path.sep)
        .join('/');
      for (const b of mine) {
        const allowed =
          !b.allow ||
          b.allow.some((d) => inside(target, d)) ||
          (target.endsWith('.json') && (b.allowJson ?? []).some((d) => inside(target, d)));
        const denied = !allowed || (b.deny ?? []).some((d) => inside(target, d));
        if (denied) context.report({ node, messageId: 'crosses', data: { file, target, message: b.message } });
      }
    }
    const fromSource = (node) => node.source && check(node.source, node.source.value);
    return {
      ImportDeclaration: fromSource,
      ExportNamedDeclaration: fromSource,
      ExportAllDeclaration: fromSource,
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
      // An `import('…').T` type.
      TSImportType: (node) => node.source && check(node.source, node.source.value),
    };
  },
};

export const layersPlugin = { rules: { imports: rule } };
