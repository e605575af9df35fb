// ESLint flat config: type-aware rules plus the import boundaries of docs/ARCHITECTURE.md ('The one-way rule').
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

const forge = ['@forge/*', '@forge/api', '@forge/bridge', '@forge/resolver'];
const devDirs = ['**/dev/**', '../dev/*', '../../dev/*', '../../../dev/*'];

/** The import globs of a sibling layer folder `dir` (`src/<dir>`), from anywhere below src/. */
const layer = (dir) => [`**/${dir}/**`, `../${dir}`, `../${dir}/*`];

/** A config block refusing `patterns` in `files`, and dev/ too (for tests, bench, start only). */
const restrictImports = (files, who, patterns) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      { patterns: [...patterns, { group: devDirs, message: `${who} must not import dev/.` }] },
    ],
  },
});

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'static/*/build/**',
      '.dev-data/**',
      '.test-data/**',
      'coverage/**',
      'tests/fixtures/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node, ...globals.browser },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: devDirs, message: 'Only tests, bench and the start script import dev/.' },
          ],
        },
      ],
    },
  },
  restrictImports(['src/domain/**'], 'src/domain', [
    { group: forge, message: 'src/domain is pure: no @forge/*.' },
    { group: ['react', 'react-dom', 'react/*'], message: 'src/domain is pure: no React.' },
    { group: layer('confluence'), message: 'src/domain must not know REST.' },
    { group: layer('jira'), message: 'src/domain must not know REST.' },
    { group: ['**/resolvers/**'], message: 'src/domain must not import resolvers.' },
    { group: layer('application'), message: 'src/domain must not import the use cases.' },
  ]),
  restrictImports(['src/application/**'], 'src/application', [
    { group: forge, message: 'src/application reaches Confluence through src/confluence only.' },
    { group: ['react', 'react-dom', 'react/*'], message: 'src/application has no UI.' },
    {
      group: layer('resolvers'),
      message: 'src/application must not import resolvers (they call it, not the reverse).',
    },
  ]),
  restrictImports(['src/jira/**'], 'src/jira', [
    { group: layer('application'), message: 'src/jira is below the use cases.' },
    { group: layer('resolvers'), message: 'src/jira must not import resolvers.' },
    { group: layer('confluence'), message: 'Each product adapter knows only its own REST API.' },
  ]),
  // The HTTP toolkit both product adapters share: below them, it knows no product.
  restrictImports(['src/http/**'], 'src/http', [
    {
      group: [...layer('confluence'), ...layer('jira')],
      message: 'src/http is shared by the product adapters and knows none of them.',
    },
    { group: layer('application'), message: 'src/http is below the use cases.' },
    { group: layer('resolvers'), message: 'src/http must not import resolvers.' },
  ]),
  restrictImports(['src/confluence/**'], 'src/confluence', [
    { group: layer('application'), message: 'src/confluence is below the use cases.' },
    { group: layer('resolvers'), message: 'src/confluence must not import resolvers.' },
  ]),
  restrictImports(['static/**'], 'static/', [
    { group: ['@forge/api', '@forge/resolver'], message: 'The Custom UI runs in the browser.' },
    {
      group: ['**/src/confluence/**', '**/src/jira/**'],
      message: 'The UI never knows REST paths of the backend.',
    },
  ]),
  {
    // React: hooks (incl. exhaustive-deps) and accessibility for the Custom UI and its tests.
    files: ['static/**/*.{ts,tsx}', 'tests/component/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
  },
  {
    files: ['static/**/*.tsx', 'tests/component/**/*.tsx'],
    ...jsxA11y.flatConfigs.recommended,
    rules: {
      ...jsxA11y.flatConfigs.recommended.rules,
      // Our components take `autoFocus` only where focus follows the user's own action (rename,
      // edit a card); DOM elements may not autofocus.
      'jsx-a11y/no-autofocus': ['error', { ignoreNonDOM: true }],
      // A scrollable region must be focusable to be scrolled from the keyboard (axe
      // scrollable-region-focusable).
      'jsx-a11y/no-noninteractive-tabindex': ['error', { tags: [], roles: ['tabpanel', 'region'] }],
    },
  },
  {
    // Import cycles make module init order (and hot reload) fragile; aliases resolve via tsconfig.
    files: ['**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'tsconfig.json' })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['dev/**', 'tests/**', 'bench/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
