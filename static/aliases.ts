import { fileURLToPath } from 'node:url';

const repo = (path: string): string => fileURLToPath(new URL(`../${path}`, import.meta.url));

/**
 * The Custom UI's import aliases for vite and vitest; tsconfig.json `paths` says the same for tsc,
 * tsx and ESLint's import resolver (docs/decisions/0022-react-layer.md).
 */
export const UI_ALIASES = [
  { find: /^@domain\/(.*)$/, replacement: `${repo('src/domain')}/$1` },
  { find: /^@contract$/, replacement: repo('src/resolvers/contract.ts') },
];
