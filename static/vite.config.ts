import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { BUILD_ALIASES, UI_ALIASES } from './aliases';
import { CHUNK_GROUPS } from './chunk-groups';
import { catalogueAssets } from './i18n/catalogue-assets';
import { inlineBoot } from './inline-boot';

const root = fileURLToPath(new URL('./app', import.meta.url));
const boot = fileURLToPath(new URL('./app/src/boot.ts', import.meta.url));
const repo = fileURLToPath(new URL('..', import.meta.url));

/** One Custom UI resource (`main`), served by Forge from a sub-path, hence the relative base. */
export default defineConfig({
  root,
  base: './',
  plugins: [react(), inlineBoot(boot), catalogueAssets(repo)],
  resolve: {
    alias: [...BUILD_ALIASES, ...UI_ALIASES],
  },
  build: {
    outDir: 'build',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: true,
    rollupOptions: {
      input: { index: fileURLToPath(new URL('./app/index.html', import.meta.url)) },
      output: { codeSplitting: CHUNK_GROUPS },
    },
  },
});
