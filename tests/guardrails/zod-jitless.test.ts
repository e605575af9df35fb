/**
 * zod runs jitless in both bundles (no `new Function` probe, which Forge's CSP reports): the
 * configuring module is the first import of each entry, so it runs before any schema is built.
 * The browser check is tests/e2e/host/csp-violations.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readRepoFile } from '../support/repo-files';

const firstImport = (file: string): string | undefined =>
  /^import\s+(?:[^'";]*from\s+)?['"]([^'"]+)['"]/m.exec(readRepoFile(file))?.[1];

describe('zod jitless', () => {
  it('is the first import of the backend entry and of the Custom UI entry', () => {
    expect(firstImport('src/index.ts')).toBe('./domain/zod-jitless');
    expect(firstImport('static/app/src/main.tsx')).toBe('../../../src/domain/zod-jitless');
  });

  it('is in force once the backend entry is loaded', async () => {
    await import('../../src/index');
    expect(z.config().jitless).toBe(true);
  });
});
