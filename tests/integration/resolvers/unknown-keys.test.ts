/**
 * Function keys the app does not define, Object.prototype's names among them, called on the real
 * exported handler exactly as Forge calls it: a typed INVALID_INPUT, never a call into
 * @forge/resolver's lookup (which resolves keys with `in`, so "constructor" finds
 * Object.prototype.constructor and answers the caller's own payload and context).
 */
import { describe, expect, it } from 'vitest';
import { invokeResolver } from '../../../dev/forge-runtime';
import { handler } from '../../../src/index';
import type { World } from './harness';
import { worldPerTest } from './world-per-test';

let world: World;
worldPerTest((w) => {
  world = w;
});

const UNKNOWN = [
  'constructor',
  '__proto__',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'isPrototypeOf',
  'map/nope',
  '',
];

describe('unknown resolver keys', () => {
  it.each(UNKNOWN.map((k) => [k]))('"%s" answers INVALID_INPUT and writes nothing', async (key) => {
    world.resetLog();
    const result = await invokeResolver({
      handler,
      functionKey: key,
      payload: { pageId: world.pageId, secret: 'echo me' },
      accountId: 'acc-editor',
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'functionKey' },
    });
    expect(JSON.stringify(result)).toMatch(/unknown operation/i);
    expect(JSON.stringify(result)).not.toContain('echo me');
    expect(world.restCalls()).toEqual([]);
  });
});
