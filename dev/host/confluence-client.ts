/**
 * The shell's writes go through the emulator's REST API as the viewing user, exactly like a
 * browser on Confluence would, so permissions, versions and title rules are Confluence's.
 */
import type { Emulator } from '../emulator/index';
import type { Principal } from '../emulator/types';
import { EMULATOR_ORIGIN } from '../forge-runtime/constants';
import { newPageBody, pageUpdateBody } from '../../src/confluence/page-bodies';

/** A page as v2 returns it with `body-format=storage`. */
export type V2Page = {
  id: string;
  title: string;
  spaceId: string;
  parentId: string | null;
  status: string;
  version: { number: number };
  body?: { storage?: { value?: string } };
};

/** A failed REST call, with Confluence's status and message. */
export class RestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function call<T>(args: {
  emulator: Emulator;
  principal: Principal;
  method: string;
  path: string;
  body?: unknown;
}): Promise<T> {
  const init: RequestInit = { method: args.method, headers: { accept: 'application/json' } };
  if (args.body !== undefined) {
    init.body = JSON.stringify(args.body);
    init.headers = { accept: 'application/json', 'content-type': 'application/json' };
  }
  const res = await args.emulator.handle(
    new Request(EMULATOR_ORIGIN + args.path, init),
    args.principal,
  );
  const text = await res.text();
  if (!res.ok) {
    let message = text;
    try {
      const parsed = JSON.parse(text) as { message?: unknown; errors?: { title?: unknown }[] };
      const first = parsed.errors?.[0]?.title;
      message =
        typeof parsed.message === 'string'
          ? parsed.message
          : typeof first === 'string'
            ? first
            : text;
    } catch {
      // keep the raw text
    }
    throw new RestError(res.status, message || res.statusText);
  }
  return (text ? JSON.parse(text) : null) as T;
}

/** The v2 collection of a content id: blog posts live under `/blogposts`, pages under `/pages`. */
function collectionOf(emulator: Emulator, id: string): 'pages' | 'blogposts' {
  return emulator.store.get('pages', id)?.type === 'blogpost' ? 'blogposts' : 'pages';
}

/** Reads a page or blog post with its storage body. */
export function getPage(emulator: Emulator, principal: Principal, id: string): Promise<V2Page> {
  return call<V2Page>({
    emulator,
    principal,
    method: 'GET',
    path: `/wiki/api/v2/${collectionOf(emulator, id)}/${encodeURIComponent(id)}?body-format=storage`,
  });
}

/** Writes a new version of a page's body (version = current + 1). */
export async function updatePageBody(args: {
  emulator: Emulator;
  principal: Principal;
  id: string;
  transform: (storage: string) => string;
  message: string;
}): Promise<V2Page> {
  const page = await getPage(args.emulator, args.principal, args.id);
  return call<V2Page>({
    emulator: args.emulator,
    principal: args.principal,
    method: 'PUT',
    path: `/wiki/api/v2/${collectionOf(args.emulator, args.id)}/${encodeURIComponent(args.id)}`,
    body: {
      ...pageUpdateBody({
        id: page.id,
        title: page.title,
        storage: args.transform(page.body?.storage?.value ?? ''),
        version: page.version.number,
        message: args.message,
      }),
      spaceId: page.spaceId,
    },
  });
}

/** Creates a page. */
export function createPage(args: {
  emulator: Emulator;
  principal: Principal;
  spaceId: string;
  title: string;
  parentId: string | null;
  storage: string;
}): Promise<V2Page> {
  return call<V2Page>({
    emulator: args.emulator,
    principal: args.principal,
    method: 'POST',
    path: '/wiki/api/v2/pages',
    body: newPageBody(args),
  });
}
