/**
 * The browser scripts of the host (`client/bridge.ts`, `client/shell.ts`) as classic scripts:
 * TypeScript strips the types (no bundler, no new dependency) and the code is wrapped in a
 * function so nothing leaks into the page's globals. Transpiled on first use, again when the
 * source changes (so editing a client file needs no host restart).
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** The host's browser scripts. */
export type ClientScriptName = 'bridge' | 'shell';

const CLIENT_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'client');
const cache = new Map<ClientScriptName, { mtimeMs: number; code: string }>();

/** Strips the types of a client script and wraps it as a strict classic script. */
export function transpileClientScript(source: string, fileName: string): string {
  const out = ts.transpileModule(source, {
    fileName,
    compilerOptions: {
      target: ts.ScriptTarget.ES2022,
      // Preserve + force: type-only imports and `export {}` vanish, nothing else is rewritten.
      module: ts.ModuleKind.Preserve,
      moduleDetection: ts.ModuleDetectionKind.Force,
      verbatimModuleSyntax: false,
      removeComments: false,
    },
  }).outputText;
  if (/^\s*(import|export)\s/m.test(out)) {
    throw new Error(`${fileName} is served as a classic script: use only \`import type\`.`);
  }
  return `(function () {\n'use strict';\n${out}})();\n`;
}

/** The served JavaScript of a client script. */
export function clientScript(name: ClientScriptName): string {
  const file = path.join(CLIENT_DIR, `${name}.ts`);
  const { mtimeMs } = statSync(file);
  const hit = cache.get(name);
  if (hit && hit.mtimeMs === mtimeMs) return hit.code;
  const code = transpileClientScript(readFileSync(file, 'utf8'), file);
  cache.set(name, { mtimeMs, code });
  return code;
}
