/** Bundles tests/fixtures/test-resource (with the real @forge/bridge) into a temp directory. */
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const FIXTURE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../fixtures/test-resource',
);

/** Builds the fixture resource; returns its directory. */
export async function buildTestResource(): Promise<string> {
  const out = mkdtempSync(path.join(tmpdir(), 'jm-test-resource-'));
  await build({
    entryPoints: [path.join(FIXTURE, 'main.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    outfile: path.join(out, 'main.js'),
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  copyFileSync(path.join(FIXTURE, 'index.html'), path.join(out, 'index.html'));
  copyFileSync(path.join(FIXTURE, 'style.css'), path.join(out, 'style.css'));
  return out;
}
