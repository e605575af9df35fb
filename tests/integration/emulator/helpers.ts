/** Small helpers for calling the emulator in-process from tests. */
import { afterEach, beforeEach } from 'vitest';
import { createEmulator } from '../../../dev/emulator/index';
import type { Emulator, Principal } from '../../../dev/emulator/index';

/** Demo principals. */
export const ADMIN: Principal = { kind: 'user', accountId: 'acc-admin' };
export const EDITOR: Principal = { kind: 'user', accountId: 'acc-editor' };
export const VIEWER: Principal = { kind: 'user', accountId: 'acc-viewer' };
export const OUTSIDER: Principal = { kind: 'user', accountId: 'acc-outsider' };
export const APP: Principal = { kind: 'app' };
export const ANON: Principal = { kind: 'anonymous' };

/** A parsed response. */
export type Reply<T = Record<string, unknown>> = { status: number; headers: Headers; body: T };

/** Calls the emulator with a JSON body and parses the JSON answer. */
export async function call<T = Record<string, unknown>>(
  emu: Emulator,
  method: string,
  path: string,
  opts: { as?: Principal; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Reply<T>> {
  const init: RequestInit = { method, headers: { ...opts.headers } };
  if (opts.body !== undefined) {
    init.body = JSON.stringify(opts.body);
    (init.headers as Record<string, string>)['content-type'] = 'application/json';
  }
  const res = await emu.handle(new Request(`http://emulator.local${path}`, init), opts.as ?? ADMIN);
  const text = await res.text();
  const body = (
    text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text
  ) as T;
  return { status: res.status, headers: res.headers, body };
}

/** The id of space CX. */
export function cxSpaceId(emu: Emulator): string {
  const space = emu.store.spaceByKey('CX');
  if (!space) throw new Error('space CX missing');
  return space.id;
}

/**
 * Gives each test of the enclosing block a fresh emulator and a page titled `title` in CX by
 * Avery (both handed to `use`); closes the emulator after the test.
 */
export function eachEmulatorWithPage(
  title: string,
  use: (emu: Emulator, pageId: string) => void,
): void {
  let emu: Emulator | undefined;
  beforeEach(async () => {
    emu = await createEmulator();
    use(emu, emu.store.createPage({ spaceKey: 'CX', title, authorId: 'acc-admin' }).id);
  });
  afterEach(() => emu?.close());
}
