// Lint rules that catch the bugs the type checker lets through; style is left to the editor.
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { layersPlugin } from './scripts/eslint-layer-rule.js';

const root = dirname(fileURLToPath(import.meta.url));

export default tseslint.config(
  { ignores: ['.scratch*/**', 'node_modules/**', 'web/dist/**', 'geodata/build/**', 'coverage/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name='it'][callee.property.name='only']", message: 'focused test' },
        {
          selector: "CallExpression[callee.object.name='describe'][callee.property.name='only']",
          message: 'focused test',
        },
        // An inline `import('…').T` type hides the dependency from the cycle check (madge): import the type at the top.
        {
          selector: 'TSImportType[source.value=/^\\./]',
          message:
            "inline import('…') type of a repository file: use `import type` at the top, so the cycle check sees the dependency",
        },
      ],
    },
  },
  {
    // engine/ is pure: no I/O, clock or ambient randomness (see README "Determinism").
    files: ['engine/**/*.ts'],
    ignores: ['engine/**/*.test.ts', 'engine/**/*.bench.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['node:*', 'fs', 'path', 'better-sqlite3', 'hono', '*/test-fixtures/*', './test-fixtures/*'] },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'engine/ takes a seed: use engine/rng.ts' },
        { object: 'Date', property: 'now', message: 'engine/ takes the clock as input' },
      ],
      'no-restricted-globals': ['error', 'fetch', 'process', 'window', 'document'],
    },
  },
  {
    // Layer boundaries at any depth, benches and tests included (scripts/eslint-layer-rule.test.ts proves they fail).
    files: ['**/*.ts', '**/*.js', '**/*.mjs'],
    plugins: { layers: layersPlugin },
    rules: {
      'layers/imports': [
        'error',
        {
          root,
          boundaries: [
            // The shipped defaults are dated data files under config/, embedded as JSON: data, never code.
            {
              from: 'engine',
              allow: ['engine'],
              allowJson: ['config'],
              message:
                'engine/ imports nothing outside engine/ but config/*.json data (clock and I/O are injected; fixtures live in engine/test-fixtures, tests needing workers or data in test/, benches in bench/)',
            },
            {
              from: 'web',
              deny: ['server'],
              message: 'web/ imports no server/ code (shared contracts live in engine/)',
            },
          ],
        },
      ],
    },
  },
);
