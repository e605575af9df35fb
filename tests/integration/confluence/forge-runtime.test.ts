/**
 * The local Forge runtime shim: the real @forge/api's asUser/asApp/requestConfluence reach the
 * emulator as the right principal, and the real @forge/resolver handler sees the invoking user.
 */
import api, { asApp, asUser, route } from '@forge/api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEmulator } from '../../../dev/emulator';
import type { Emulator } from '../../../dev/emulator';
import type { ForgeRuntimeHandle } from '../../../dev/forge-runtime';
import { Resolver } from '../../../src/resolvers/forge-resolver';
import {
  ACTION_TIMEOUT_MS,
  FUNCTION_TIMEOUT_MS,
  INVOCATION_PAYLOAD_MAX_BYTES,
  installForgeRuntime,
  invokeFunction,
  invokeResolver,
  runAs,
} from '../../../dev/forge-runtime';

let emulator: Emulator;
let runtime: ForgeRuntimeHandle;
beforeEach(async () => {
  emulator = await createEmulator();
  runtime = installForgeRuntime({ emulator });
});
afterEach(async () => {
  runtime.uninstall();
  await emulator.close();
});

const whoAmI = route`/wiki/api/v2/spaces?keys=CX`;

describe('installForgeRuntime', () => {
  it('routes asUser() to the invoking account and asApp() to the app', async () => {
    await runAs('acc-viewer', async () => {
      const res = await asUser().requestConfluence(whoAmI);
      expect(res.status).toBe(200);
    });
    const app = await asApp().requestConfluence(whoAmI);
    expect(app.status).toBe(200);
    expect(runtime.calls.map((c) => c.principal)).toEqual([
      { kind: 'user', accountId: 'acc-viewer' },
      { kind: 'app' },
    ]);
    expect(emulator.log.entries().map((e) => e.principal)).toEqual(['user:acc-viewer', 'app']);
  });

  it('uses an explicit asUser(accountId) over the invocation user', async () => {
    await runAs('acc-viewer', async () => {
      await asUser('acc-admin').requestConfluence(whoAmI);
    });
    expect(runtime.calls[0]?.principal).toEqual({ kind: 'user', accountId: 'acc-admin' });
  });

  it('sends requestConfluence without a user as anonymous (401)', async () => {
    const res = await api.requestConfluence(whoAmI);
    expect(res.status).toBe(401);
  });

  it('refuses asUser() outside an invocation that has a user', async () => {
    await expect(asUser().requestConfluence(whoAmI)).rejects.toThrow(/outside an invocation/);
  });

  it('refuses, as Forge does, a call whose scope manifest.yml does not declare', async () => {
    // The manifest's scopes minus search: the CQL search is refused before Confluence sees it.
    runtime.uninstall();
    runtime = installForgeRuntime({
      emulator,
      scopes: ['read:page:confluence', 'read:space:confluence'],
    });
    const search = route`/wiki/rest/api/search?cql=${'type=page'}`;
    const refused = await asApp().requestConfluence(search);
    expect(refused.status).toBe(401);
    expect(await refused.text()).toMatch(/scope does not match.*needs search:confluence/);
    expect(emulator.log.entries()).toEqual([]);
    expect((await asApp().requestConfluence(whoAmI)).status).toBe(200);
  });

  it('refuses a call to an endpoint the scope table does not know', async () => {
    const res = await asApp().requestConfluence(route`/wiki/api/v2/footer-comments`);
    expect(res.status).toBe(401);
    expect(await res.text()).toMatch(/no row in dev\/forge-runtime\/rest-scopes\.ts/);
    expect(emulator.log.entries()).toEqual([]);
  });

  it('provides a __forge_runtime__ for getAppContext()', async () => {
    const { getAppContext } = await import('@forge/api');
    expect(getAppContext().environmentType).toBe('DEVELOPMENT');
  });
});

describe('the function time limit (25 s for UI resolvers)', () => {
  it('is 25 s by default', () => {
    expect(FUNCTION_TIMEOUT_MS).toBe(25_000);
  });

  it('cuts off a longer invocation: the caller gets the timeout error, later calls never reach Confluence', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const late: { call?: Promise<number | string> } = {};
    const resolver = new Resolver().define('slow', async () => {
      await gate;
      late.call = asUser()
        .requestConfluence(route`/wiki/api/v2/spaces/1/properties`, {
          method: 'POST',
          body: JSON.stringify({ key: 'late', value: 1 }),
        })
        .then(
          (r) => r.status,
          (e: unknown) => (e instanceof Error ? e.message : String(e)),
        );
      return 'done';
    });
    const invocation = invokeResolver({
      handler: resolver.getDefinitions(),
      functionKey: 'slow',
      accountId: 'acc-admin',
      timeoutMs: 50,
    });
    await expect(invocation).rejects.toThrow(/timed out after/);
    release();
    await new Promise((r) => setTimeout(r, 20));
    expect(await late.call).toMatch(/invocation has ended: Function timed out/);
    expect(emulator.log.entries()).toEqual([]);
  });
});

describe('invokeResolver / invokeFunction', () => {
  it('calls the real resolver handler with the platform context and the ALS user', async () => {
    const resolver = new Resolver().define('whoami', async ({ context, payload }) => {
      const res = await asUser().requestConfluence(whoAmI);
      return {
        accountId: context.accountId as string,
        installContext: context.installContext as string,
        payload: payload as unknown,
        status: res.status,
      };
    });
    const result = await invokeResolver({
      handler: resolver.getDefinitions(),
      functionKey: 'whoami',
      payload: { x: 1, dropped: undefined },
      accountId: 'acc-editor',
    });
    expect(result).toEqual({
      accountId: 'acc-editor',
      installContext: 'ari:cloud:confluence::site/local',
      payload: { x: 1 },
      status: 200,
    });
    expect(runtime.calls[0]?.principal).toEqual({ kind: 'user', accountId: 'acc-editor' });
  });

  it('keeps concurrent invocations apart', async () => {
    const resolver = new Resolver().define('me', async ({ context }) => {
      await new Promise((r) => setTimeout(r, 5));
      await asUser().requestConfluence(whoAmI);
      return context.accountId as string;
    });
    const handler = resolver.getDefinitions();
    const users = ['acc-admin', 'acc-editor', 'acc-viewer'];
    const results = await Promise.all(
      users.map((accountId) => invokeResolver({ handler, functionKey: 'me', accountId })),
    );
    expect(results).toEqual(users);
    expect(
      runtime.calls.map((c) => (c.principal.kind === 'user' ? c.principal.accountId : '')).sort(),
    ).toEqual([...users].sort());
  });

  it('invokes plain functions with a runtime context', async () => {
    const seen = await invokeFunction({
      handler: (event: { n: number }, rt) => ({ n: event.n, who: rt.principal?.accountId ?? null }),
      event: { n: 3 },
      accountId: null,
    });
    expect(seen).toEqual({ n: 3, who: null });
  });
});

/**
 * Plain functions (the byline's dynamicProperties, adfExport, Rovo actions) run under Forge's
 * limits too (limits-invocation: 25 s, 55 s for `action` modules, 5MB payload; rovo-action: an
 * action handles at most 5 MB of data). Decision 0053.
 */
describe('invokeFunction: the platform limits of plain functions', () => {
  it('states the documented limits', () => {
    expect(ACTION_TIMEOUT_MS).toBe(55_000);
    expect(INVOCATION_PAYLOAD_MAX_BYTES).toBe(5_000_000);
  });

  it('cuts off a function past its time limit; its later product calls never reach Confluence', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let late: Promise<number | string> | undefined;
    const slow = async () => {
      await gate;
      late = asUser()
        .requestConfluence(whoAmI)
        .then(
          (r) => r.status,
          (e: unknown) => (e instanceof Error ? e.message : String(e)),
        );
      return { title: 'late' };
    };
    const invocation = invokeFunction({
      handler: slow,
      event: {},
      accountId: 'acc-editor',
      timeoutMs: 50,
    });
    await expect(invocation).rejects.toThrow(/timed out after/);
    release();
    await new Promise((r) => setTimeout(r, 20));
    expect(await late).toMatch(/invocation has ended: Function timed out/);
    expect(emulator.log.entries()).toEqual([]);
  });

  it('refuses an event or an answer over 5 MB of UTF-8', async () => {
    const big = '旅'.repeat(1_700_000); // 1.7 M characters, 5.1 MB
    await expect(
      invokeFunction({ handler: () => 'ok', event: { big }, accountId: null }),
    ).rejects.toThrow(/payload is larger than Forge allows \(5 MB\)/);
    await expect(
      invokeFunction({ handler: () => ({ big }), event: {}, accountId: null }),
    ).rejects.toThrow(/answer is larger than Forge allows \(5 MB\)/);
  });
});
