import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// The core and the workers stay pure: no React, no DOM-bound storage, no comlink in core.
const coreRestrictions = {
  patterns: [
    { group: ['react', 'react-*', 'react/*', '@xyflow/*', 'zustand', 'zustand/*', 'i18next', 'react-i18next'], message: 'src/core is pure TypeScript: no UI libraries.' },
    { group: ['dexie', 'dexie-*', 'comlink', 'workbox-*'], message: 'src/core has no effects: storage and workers live at the edges.' },
    { group: ['**/storage/**', '**/ui/**', '**/app/**', '**/engine/**', '**/sync/**', '../../workers/**'], message: 'src/core imports nothing of ours outside core.' },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'bench/results/**', 'dev-dist/**', 'test-results/**', 'playwright-report/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'warn',
    },
  },
  {
    files: ['src/**/*.tsx', 'src/ui/**/*.ts', 'src/app/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', coreRestrictions] },
  },
  {
    files: ['workers/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['react', 'react-*', '**/ui/**', '**/app/**'], message: 'workers have no UI.' }] }],
    },
  },
);
