// Lint, including the folder rules of docs/design.md ("Processes"): who may import electron, libsodium and SQLite,
// and that the renderer reaches main only through window.suviaz.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const electron = {
  name: 'electron',
  message:
    'Only src-main/app and src-main/preload may import electron (docs/design.md, "Processes").',
};
const nodeOnly = ['node:*', 'fs', 'path', 'os', 'child_process', 'net', 'http', 'crypto', 'ws'];
const outsideRenderer = ['**/src-main/**', '**/server/**', '**/tests/**'];
const libsodium = {
  group: ['libsodium*'],
  message: 'Only src-main/core/crypto/sodium.ts may import libsodium.',
};
const sqlite = {
  group: ['better-sqlite3*'],
  message: 'SQLite belongs to src-main/core (the vault) and the relay store.',
};

export default tseslint.config(
  {
    ignores: ['node_modules/', 'out/', 'dist/', 'test-results/', 'playwright-report/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { paths: [electron], patterns: [libsodium] }],
    },
  },
  {
    files: ['src-main/app/**', 'src-main/preload/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [libsodium, sqlite] }] },
  },
  {
    files: ['src-main/core/crypto/sodium.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [electron] }] },
  },
  {
    files: ['src-shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electron],
          patterns: [
            libsodium,
            sqlite,
            {
              group: [...nodeOnly, '**/src-main/**', '**/src-renderer/**', '**/server/**'],
              message: 'src-shared is pure TypeScript that runs anywhere.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['server/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electron],
          patterns: [
            libsodium,
            {
              group: ['**/src-main/**', '**/src-renderer/**'],
              message: 'The relay imports only src-shared: it never holds keys or client code.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src-renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [electron],
          patterns: [
            libsodium,
            sqlite,
            {
              group: [...nodeOnly, ...outsideRenderer],
              message:
                'The renderer imports only src-shared and itself; it reaches main through window.suviaz.',
            },
          ],
        },
      ],
    },
  },
);
