import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { UI_ALIASES } from './aliases';

const root = fileURLToPath(new URL('./app', import.meta.url));

/** One Custom UI resource (`main`), served by Forge from a sub-path, hence the relative base. */
export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  resolve: {
    alias: UI_ALIASES,
  },
  build: {
    outDir: 'build',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: true,
  },
});
