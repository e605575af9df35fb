import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ManifestSchema } from '@forge/manifest';
import { validate } from '@forge/manifest';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  LEGACY_SUMMARY_INDEX_FIELDS,
  LEGACY_SUMMARY_PROPERTY_KEY,
  SUMMARY_INDEX_FIELDS,
  SUMMARY_PROPERTY_KEY,
} from '../../src/domain/summary';
import { ROOT, readRepoFile } from '../support/repo-files';

const manifest = parse(readRepoFile('manifest.yml')) as ManifestSchema;

describe('manifest.yml', () => {
  it('passes @forge/manifest full validation (resources built, handlers present)', async () => {
    expect(
      existsSync(join(ROOT, 'static/app/build/index.html')),
      'run `npm run build:ui` first',
    ).toBe(true);
    const result = await validate(false, join(ROOT, 'manifest.yml'));
    expect(result.errors ?? []).toEqual([]);
    expect(result.success).toBe(true);
  });

  it('uses only [A-Za-z0-9_] in content-property keys and search aliases (CQL indexing)', () => {
    const props = (manifest.modules?.['confluence:contentProperty'] ?? []) as {
      propertyKey: string;
      values: { searchAlias?: string }[];
    }[];
    expect(props.length).toBeGreaterThan(0);
    for (const p of props) {
      expect(p.propertyKey).toMatch(/^[A-Za-z0-9_]+$/);
      for (const v of p.values) expect(v.searchAlias ?? 'x').toMatch(/^[A-Za-z0-9_]+$/);
    }
  });

  it('indexes exactly the summary fields the domain writes, under the new and the legacy key', () => {
    const props = (manifest.modules?.['confluence:contentProperty'] ?? []) as {
      propertyKey: string;
      values: { path: string; type: string; searchAlias?: string }[];
    }[];
    const summary = props.find((p) => p.propertyKey === SUMMARY_PROPERTY_KEY);
    expect(summary?.values).toEqual(SUMMARY_INDEX_FIELDS.map((f) => ({ ...f })));
    const legacy = props.find((p) => p.propertyKey === LEGACY_SUMMARY_PROPERTY_KEY);
    expect(legacy?.values).toEqual(LEGACY_SUMMARY_INDEX_FIELDS.map((f) => ({ ...f })));
    expect(props).toHaveLength(2);
  });

  it('requires Confluence and makes Jira optional, with the Jira scopes (decision 0030)', () => {
    const app = manifest.app as { compatibility?: Record<string, { required?: boolean }> };
    expect(app.compatibility).toEqual({
      confluence: { required: true },
      jira: { required: false },
    });
    const scopes = (manifest.permissions?.scopes ?? []) as string[];
    expect(scopes).toEqual(expect.arrayContaining(['read:jira-work', 'write:jira-work']));
  });

  it('does not use UI Kit 1 or UI Kit (decision 0002)', () => {
    const pkg = JSON.parse(readRepoFile('package.json')) as {
      dependencies?: Record<string, string>;
      devDependencies?: Record<string, string>;
    };
    const deps = { ...pkg.dependencies, ...pkg.devDependencies };
    expect(Object.keys(deps)).not.toContain('@forge/ui');
    expect(Object.keys(deps)).not.toContain('@forge/react');
  });
});
