import { describe, expect, it } from 'vitest';
import { INITIAL_JS_BUDGET_BYTES, initialJsGzipBytes } from '../support/bundle-size';

describe('bundle budget', () => {
  it('the macro initial JS is at most 120 KB gzip', () => {
    const { files, bytes } = initialJsGzipBytes();
    expect(files.length).toBeGreaterThan(0);
    expect(bytes).toBeLessThanOrEqual(INITIAL_JS_BUDGET_BYTES);
  });
});
