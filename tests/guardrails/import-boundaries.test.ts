import { describe, expect, it } from 'vitest';
import { listFiles, readRepoFile } from '../support/repo-files';

type Import = { file: string; spec: string; typeOnly: boolean };

const IMPORT_RE =
  /(?:^|\n)\s*(import|export)\s+(type\s+)?(?:[^'"]*?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

type TsConfig = { compilerOptions: { paths: Record<string, string[]> } };
const PATHS = (JSON.parse(readRepoFile('tsconfig.json')) as TsConfig).compilerOptions.paths;

/** An alias spelled out as the repo path it stands for (`@domain/x` → `./src/domain/x`). */
function expandAlias(spec: string): string {
  for (const [alias, [target = '']] of Object.entries(PATHS)) {
    const prefix = alias.replace(/\*$/, '');
    if (alias.endsWith('*') ? spec.startsWith(prefix) : spec === alias)
      return target.replace(/\*$/, spec.slice(prefix.length));
  }
  return spec;
}

/** Every static and dynamic import of the files below `dir`, aliases expanded. */
function importsOf(dir: string): Import[] {
  return listFiles(dir, /\.(ts|tsx|js|mjs)$/).flatMap((file) => {
    const text = readRepoFile(file);
    return [...text.matchAll(IMPORT_RE)].map((m) => ({
      file,
      spec: expandAlias(m[3] ?? m[4] ?? ''),
      typeOnly: Boolean(m[2]),
    }));
  });
}

const describeViolations = (list: Import[]): string[] => list.map((i) => `${i.file} → ${i.spec}`);

// The one-way rule of docs/ARCHITECTURE.md; eslint.config.js checks the same per directory.
describe('import boundaries', () => {
  it('src/domain is pure: no @forge, React, REST adapter, resolvers or dev/', () => {
    const bad = importsOf('src/domain').filter(
      (i) =>
        i.spec.startsWith('@forge/') ||
        /^react(-dom)?(\/|$)/.test(i.spec) ||
        /(^|\/)(confluence|jira)(\/|$)/.test(i.spec) ||
        /(^|\/)resolvers(\/|$)/.test(i.spec) ||
        /(^|\/)dev(\/|$)/.test(i.spec),
    );
    expect(describeViolations(bad)).toEqual([]);
  });

  it('src/jira knows only Jira: no Confluence adapter, use cases, resolvers or dev/', () => {
    const bad = importsOf('src/jira').filter((i) =>
      /(^|\/)(confluence|application|resolvers|dev)(\/|$)/.test(i.spec),
    );
    expect(describeViolations(bad)).toEqual([]);
    expect(importsOf('src/jira').some((i) => i.spec === '@forge/api')).toBe(true);
  });

  it('src/http (shared by the product adapters) knows no product, use cases, resolvers or dev/', () => {
    const bad = importsOf('src/http').filter((i) =>
      /(^|\/)(confluence|jira|application|resolvers|dev)(\/|$)/.test(i.spec),
    );
    expect(describeViolations(bad)).toEqual([]);
    // Both adapters send through it.
    for (const adapter of ['src/confluence', 'src/jira'])
      expect(importsOf(adapter).some((i) => /(^|\/)http\/request$/.test(i.spec))).toBe(true);
  });

  it('src/application: no @forge, React, resolvers or dev/ (resolvers → application → domain + confluence)', () => {
    const bad = importsOf('src/application').filter(
      (i) =>
        i.spec.startsWith('@forge/') ||
        /^react(-dom)?(\/|$)/.test(i.spec) ||
        /(^|\/)resolvers(\/|$)/.test(i.spec) ||
        /(^|\/)dev(\/|$)/.test(i.spec),
    );
    expect(describeViolations(bad)).toEqual([]);
    // The layer exists and is checked: its imports include the domain and the REST adapter.
    expect(importsOf('src/application').some((i) => /(^|\/)domain\//.test(i.spec))).toBe(true);
    expect(importsOf('src/application').some((i) => /(^|\/)confluence\//.test(i.spec))).toBe(true);
  });

  it('the layers below never import the ones above: domain and confluence do not import application or resolvers', () => {
    const bad = [
      ...importsOf('src/domain'),
      ...importsOf('src/confluence'),
      ...importsOf('src/jira'),
      ...importsOf('src/http'),
    ].filter((i) => /(^|\/)(application|resolvers)(\/|$)/.test(i.spec));
    expect(describeViolations(bad)).toEqual([]);
  });

  it('only src/confluence, src/jira, src/http, src/resolvers, src/adf and src/index.ts import @forge/api or @forge/resolver', () => {
    const bad = importsOf('src').filter(
      (i) =>
        /^@forge\/(api|resolver)/.test(i.spec) &&
        !/^src\/(confluence|jira|http|resolvers|adf)\/|^src\/index\.ts$/.test(i.file),
    );
    expect(describeViolations(bad)).toEqual([]);
  });

  it('nothing deployed (src/, static/) imports dev/ or tests/', () => {
    const bad = [...importsOf('src'), ...importsOf('static')].filter((i) =>
      /(^|\/)(dev|tests)(\/|$)/.test(i.spec),
    );
    expect(describeViolations(bad)).toEqual([]);
  });

  it('the Custom UI imports the backend only as types (contract) or the pure domain', () => {
    const bad = importsOf('static').filter(
      (i) =>
        /^@forge\/(api|resolver)/.test(i.spec) ||
        /src\/(confluence|jira)/.test(i.spec) ||
        (/src\/resolvers/.test(i.spec) && !i.typeOnly),
    );
    expect(describeViolations(bad)).toEqual([]);
  });

  it('only static/app/src/bridge calls @forge/bridge', () => {
    const bad = importsOf('static').filter(
      (i) =>
        i.spec.startsWith('@forge/bridge') &&
        !i.file.startsWith('static/app/src/bridge/') &&
        !i.file.endsWith('.d.ts'),
    );
    expect(describeViolations(bad)).toEqual([]);
  });

  it('the checker itself sees imports (a violation would be caught)', () => {
    const all = importsOf('src');
    expect(all.some((i) => i.spec === 'zod')).toBe(true);
  });

  it('aliases are checked as the paths they stand for', () => {
    expect(expandAlias('@domain/model/schema')).toBe('./src/domain/model/schema');
    expect(expandAlias('@contract')).toBe('./src/resolvers/contract.ts');
    // Every alias points into the pure domain or the type-only contract, nowhere else.
    expect(Object.values(PATHS).flat()).toEqual(['./src/domain/*', './src/resolvers/contract.ts']);
    const ui = importsOf('static');
    expect(ui.some((i) => i.spec.startsWith('./src/domain/'))).toBe(true);
    expect(ui.filter((i) => i.spec.includes('src/resolvers')).every((i) => i.typeOnly)).toBe(true);
  });
});
