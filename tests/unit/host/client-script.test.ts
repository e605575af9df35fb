import { Script } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { clientScript, transpileClientScript } from '../../../dev/host/client-script';

describe('host client scripts served as classic scripts', () => {
  it.each(['bridge', 'shell'] as const)('%s.ts parses as a strict classic script', (name) => {
    const code = clientScript(name);
    expect(code.startsWith("(function () {\n'use strict';")).toBe(true);
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    // Compiled (not run) as a classic script: a syntax error or a stray import throws here.
    expect(() => new Script(code)).not.toThrow();
  });

  it('strips types and type-only imports, keeps the code', () => {
    const code = transpileClientScript(
      "import type { A } from './a';\nconst a: A = 1 as A;\nconsole.log(a);\nexport {};\n",
      'x.ts',
    );
    expect(code).toBe("(function () {\n'use strict';\nconst a = 1;\nconsole.log(a);\n})();\n");
  });

  it('refuses a value import (it would break the page)', () => {
    expect(() =>
      transpileClientScript("import { a } from './a';\nconsole.log(a);\n", 'x.ts'),
    ).toThrow(/import type/);
  });
});
