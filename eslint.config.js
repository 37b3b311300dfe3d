// One lint gate for the three rooms; the import rules keep shared/ pure and the rooms apart.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeOnly = ['node:*', 'fs', 'path', 'os', 'child_process', 'electron', 'electron/*'];
const uiOnly = ['react', 'react-dom', 'react-dom/*', 'dexie', 'dexie-react-hooks', 'zustand'];

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      '**/out/',
      'dist/',
      'release/',
      'test-results*/',
      'playwright-report/',
      '**/*.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: ['*.js'],
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { ...globals.node },
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...nodeOnly, ...uiOnly],
              message: 'shared/ is pure: no Node, Electron, DOM or UI libraries.',
            },
            {
              group: ['**/renderer/**', '**/electron/**'],
              message: 'shared/ never imports from the other rooms.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/src/**/*.ts', 'renderer/src/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeOnly, message: 'The renderer reaches the OS only through src/platform.' },
            { group: ['**/electron/**'], message: 'The renderer never imports from electron/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: uiOnly, message: 'electron/ is a thin OS adapter: no UI libraries.' },
            { group: ['**/renderer/**'], message: 'electron/ never imports from renderer/.' },
          ],
        },
      ],
    },
  },
);
