import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { REGISTERED_KEYS, handler } from '../../src/resolvers';
import { listFiles, readRepoFile } from '../support/repo-files';

/** Property names of the `ResolverContract` type, read from the source (it is type-only). */
function contractKeys(): string[] {
  const file = 'src/resolvers/contract.ts';
  const source = ts.createSourceFile(file, readRepoFile(file), ts.ScriptTarget.Latest, true);
  const keys: string[] = [];
  source.forEachChild((node) => {
    if (
      ts.isTypeAliasDeclaration(node) &&
      node.name.text === 'ResolverContract' &&
      ts.isTypeLiteralNode(node.type)
    ) {
      for (const m of node.type.members) {
        if (m.name && ts.isStringLiteral(m.name)) keys.push(m.name.text);
      }
    }
  });
  return keys.sort();
}

/** Keys the Custom UI passes to `call(...)` / `transport.call(...)`. */
function uiCalls(): string[] {
  const keys = new Set<string>();
  for (const file of listFiles('static/app/src', /\.(ts|tsx)$/)) {
    for (const m of readRepoFile(file).matchAll(/\bcall\(\s*'([a-z]+\/[A-Za-z]+)'/g)) {
      keys.add(m[1] ?? '');
    }
  }
  return [...keys].sort();
}

describe('resolver contract ↔ resolver.define ↔ UI calls', () => {
  it('the contract names keys (the parser works)', () => {
    expect(contractKeys()).toContain('map/load');
  });

  it('registered keys are exactly the contract keys', () => {
    expect([...REGISTERED_KEYS].sort()).toEqual(contractKeys());
  });

  it('every registered key is really defined on the handler Forge calls', async () => {
    for (const key of REGISTERED_KEYS) {
      // An empty payload must come back as a typed error, never "no definition".
      const result = (await handler(
        { call: { functionKey: key, payload: {} }, context: {} },
        {} as never,
      )) as { ok: boolean };
      expect(result.ok, key).toBe(false);
    }
    // An unknown key is a typed error at the door, never @forge/resolver's `in` lookup (finding 7).
    const unknown = (await handler(
      { call: { functionKey: 'nope/none', payload: {} }, context: {} },
      {} as never,
    )) as { ok: boolean; error?: { code: string } };
    expect(unknown).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('the UI calls exactly the registered keys', () => {
    expect(uiCalls()).toEqual([...REGISTERED_KEYS].sort());
  });
});
