// Lint rules that catch the bugs the type checker lets through; style is left to the editor.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.scratch*/**', 'node_modules/**', 'web/dist/**', 'geodata/build/**', 'coverage/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error',
        { selector: "CallExpression[callee.object.name='it'][callee.property.name='only']", message: 'focused test' },
        { selector: "CallExpression[callee.object.name='describe'][callee.property.name='only']", message: 'focused test' },
      ],
    },
  },
  {
    // engine/ is pure: no I/O, clock or ambient randomness (see README "Determinism").
    files: ['engine/**/*.ts'],
    ignores: ['engine/**/*.test.ts', 'engine/**/*.bench.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['node:*', 'fs', 'path', 'better-sqlite3', 'hono', '*/geodata/*', '*/server/*', '*/workers/*'] }],
      'no-restricted-properties': ['error',
        { object: 'Math', property: 'random', message: 'engine/ takes a seed: use engine/rng.ts' },
        { object: 'Date', property: 'now', message: 'engine/ takes the clock as input' },
      ],
      'no-restricted-globals': ['error', 'fetch', 'process', 'window', 'document'],
    },
  },
);
