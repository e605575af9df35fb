import { fileURLToPath } from 'node:url';

const repo = (path: string): string => fileURLToPath(new URL(`../${path}`, import.meta.url));

/**
 * The Custom UI's import aliases for vite and vitest; tsconfig.json `paths` says the same for tsc,
 * tsx and ESLint's import resolver (docs/decisions/0022-react-layer.md).
 */
export const UI_ALIASES = [
  { find: /^@domain\/(.*)$/, replacement: `${repo('src/domain')}/$1` },
  { find: /^@contract$/, replacement: repo('src/resolvers/contract.ts') },
  // The real @forge/bridge, entered per API: its package index (the only entry its `exports`
  // allow) pulls every bridge API and their dependencies (i18n, egress, lodash) into the bundle.
  // The context call alone, for the inline boot script (decision 0057).
  {
    find: /^@forge\/bridge\/out\/view\/getContext$/,
    replacement: repo('node_modules/@forge/bridge/out/view/getContext.js'),
  },
  {
    find: /^@forge\/bridge\/out\/(invoke|fetch|view|router|flag|events|modal|i18n)$/,
    replacement: `${repo('node_modules/@forge/bridge/out')}/$1/index.js`,
  },
];

/**
 * For the UI's build only (vite, the inline boot script): @forge/bridge's getContext uses only
 * `ensureLocale` of @forge/i18n, and the package's index (CommonJS, not tree-shaken) would put the
 * translator, which the app loads lazily (bridge/i18n.ts), into the first card's files (0057).
 * Tests and the host keep the whole package.
 */
export const BUILD_ALIASES = [
  {
    find: /^@forge\/i18n$/,
    replacement: repo('node_modules/@forge/i18n/out/ensureLocale.js'),
  },
];
