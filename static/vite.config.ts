import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { UI_ALIASES } from './aliases';

const root = fileURLToPath(new URL('./app', import.meta.url));
const bridgeOut = fileURLToPath(new URL('../node_modules/@forge/bridge/out', import.meta.url));

/** One Custom UI resource (`main`), served by Forge from a sub-path, hence the relative base. */
export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  resolve: {
    // The real @forge/bridge, entered per API: its package index (the only entry its `exports`
    // allow) pulls every bridge API and their dependencies (i18n, egress, lodash) into the bundle.
    alias: [
      ...UI_ALIASES,
      {
        find: /^@forge\/bridge\/out\/(invoke|fetch|view|router|flag)$/,
        replacement: `${bridgeOut}/$1/index.js`,
      },
    ],
  },
  build: {
    outDir: 'build',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: true,
  },
});
