// ESLint flat config: the guard rails `npm test` runs (see README, "Checks").
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import react from 'eslint-plugin-react';
import { importX } from 'eslint-plugin-import-x';
import globals from 'globals';

/**
 * Outside src/sim, the simulation is reached only through its front door, src/sim/index.ts (its doors loaded on demand, src/sim/editing.ts and src/sim/tracer.ts, and its
 * message catalogue, src/sim/messages, which the formatters in src/i18n render; tests use sim/testing).
 */
const simFrontDoor = {
  patterns: [
    {
      // src/i18n/sim is the simulator's sentences, not the simulation.
      regex: '(^|/)(?<!i18n/)sim/(?!index$|tracer$|editing$|testing/|messages/).+',
      message: "Import the simulation through its front door ('…/sim'), not a file inside it.",
    },
  ],
};

/** Text in JSX that is the same in every language: symbols and icons. */
const SYMBOLS = [
  '·',
  '→',
  '←',
  '×',
  '…',
  '/',
  ':',
  '(',
  ')',
  '-',
  '—',
  '+',
  '−',
  '|',
  ',',
  '=',
  '↻',
  '↺',
  '↶',
  '↷',
  '✓',
  '✕',
  '▸',
  '▾',
  '◀',
  '▶',
  '‹',
  '›',
  '⎈',
  '⤓',
  '●',
  'x',
];
/**
 * Words that stay as the tools and the Kubernetes API print them in every language (GUIDE.md:
 * real names, real output): protocols, interface names, header fields, API kinds and field names.
 */
const TOOL_WORDS = [
  'TCP',
  'UDP',
  'SCTP',
  'ICMP',
  'TTL',
  'VXLAN',
  'IPIP',
  'VNI',
  'HTTP',
  'UDP VXLAN VNI',
  '/32 · VNI 1 · UDP 8472',
  'Host:',
  'eth0',
  'cni0',
  'flannel.1',
  'cali*',
  '169.254.1.1',
  'Ingress',
  'name',
  'port',
  'targetPort',
  'proto',
  'nodePort',
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'public/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { ...globals.browser, ...globals.node },
    },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver': { node: { extensions: ['.ts', '.tsx', '.js'] } },
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    },
    rules: {
      // No import cycles anywhere, counting type-only imports (a type cycle is still a knot).
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      // TypeScript's noFallthroughCasesInSwitch checks this and knows that a call returning `never` ends a case.
      'no-fallthrough': 'off',
      // Prettier (npm run format) wraps code; this catches what it cannot, e.g. a 400-character expression.
      'max-len': [
        'error',
        { code: 200, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreComments: true, ignoreUrls: true, ignoreRegExpLiterals: true },
      ],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'bench/**/*.ts', 'scripts/**/*.ts', 'e2e/**/*.ts'],
    ignores: ['src/sim/**'],
    rules: { 'no-restricted-imports': ['error', simFrontDoor] },
  },
  {
    // Below the UI: stores, io, layout, lessons, dictionaries and the CLI never import a React component's folder.
    files: ['src/{store,io,layout,lessons,i18n,cli}/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...simFrontDoor.patterns,
            { regex: '(^|/)ui(/|$)', message: 'The layers below the UI (store, io, layout, lessons, i18n, cli) import nothing from src/ui.' },
          ],
        },
      ],
    },
  },
  {
    // src/i18n has its own `sim/` folder (the simulator's sentences); only a parent path reaches src/sim.
    files: ['src/i18n/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^(\\.\\./)+sim/(?!index$|tracer$|editing$|testing/|messages/).+', message: simFrontDoor.patterns[0].message },
            { regex: '(^|/)ui(/|$)', message: 'The layers below the UI (store, io, layout, lessons, i18n, cli) import nothing from src/ui.' },
          ],
        },
      ],
    },
  },
  {
    // The pure simulation: no React, DOM state stores or languages (GUIDE.md, Architecture).
    files: ['src/sim/**/*.ts'],
    // Tests (and their shared fixtures, *.fixtures.ts) may build their inputs with the io layer's generators and render messages.
    ignores: ['src/sim/**/*.test.ts', 'src/sim/**/*.fixtures.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^(react|react-dom|zustand|@xyflow/.*)(/.*)?$', message: 'The simulation is pure: no React, React Flow or stores.' },
            { regex: '(^|/)(ui|store|io|i18n|lessons|cli)(/|$)', message: 'The simulation imports nothing from the layers above it.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks, react },
    settings: { react: { version: '19' } },
    rules: {
      ...reactHooks.configs['recommended-latest'].rules,
      'react-hooks/exhaustive-deps': 'error',
      // User-facing text goes through the i18n dictionaries (src/i18n), never a literal in JSX.
      'react/jsx-no-literals': ['error', { noStrings: false, ignoreProps: true, allowedStrings: [...SYMBOLS, ...TOOL_WORDS] }],
    },
  },
  {
    files: ['src/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs['recommended-latest'].rules,
      'react-hooks/exhaustive-deps': 'error',
    },
  },
);
