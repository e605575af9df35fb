/**
 * The set-up every editor e2e file shares: a host and browser started before its tests, the page
 * under test, optionally one person's page opened on it, and every browser context closed after.
 */
import type { BrowserContext, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { EditorEnv } from './support';
import { contextAs, createPage, openAs, startEnv, startMap, waitSaved } from './support';

/** One e2e file's host and map page; read its fields inside tests and hooks, not before. */
export type EditorSuite = {
  readonly env: EditorEnv;
  readonly pageId: string;
  /** The page of `as` (the suite's options), open in its own context. */
  readonly page: Page;
  /** Contexts closed after all tests (`personOn` adds to them). */
  readonly contexts: BrowserContext[];
  /** One more person on the map in their own browser context, the grid drawn. */
  personOn(accountId: string): Promise<{ page: Page; frame: Frame }>;
};

/** Registers the file's beforeAll / afterAll and answers the suite they fill in. */
export function useEditorSuite(args: {
  name: string;
  /** Creates the page under test in the started env and answers its id. */
  page: (env: EditorEnv) => Promise<string>;
  /** Runs once the page exists, before any test (e.g. `seedMapAs`). */
  seed?: (suite: EditorSuite) => Promise<void>;
  /** Opens a page as this person before the tests (the suite's `page`). */
  as?: string;
  timeout?: number;
}): EditorSuite {
  const state: { env?: EditorEnv; pageId?: string; page?: Page } = {};
  const contexts: BrowserContext[] = [];
  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the suite has no ${what} yet (read it in a test)`);
    return value;
  };
  const suite: EditorSuite = {
    get env() {
      return need(state.env, 'env');
    },
    get pageId() {
      return need(state.pageId, 'page id');
    },
    get page() {
      return need(state.page, 'page (pass `as`)');
    },
    contexts,
    personOn: (accountId) => openAs({ env: suite.env, accountId, pageId: suite.pageId, contexts }),
  };
  beforeAll(async () => {
    state.env = await startEnv(args.name);
    state.pageId = await args.page(state.env);
    await args.seed?.(suite);
    if (args.as) {
      const ctx = await contextAs(state.env, args.as);
      contexts.push(ctx);
      state.page = await ctx.newPage();
    }
  }, args.timeout);
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await state.env?.close();
  });
  return suite;
}

/** A page in space CX with this title and a macro `localId`, for `useEditorSuite`'s `page`. */
export function macroPage(title: string, localId: string): (env: EditorEnv) => Promise<string> {
  return (env) => createPage(env, { title, localId });
}

/**
 * Starts the map on the suite's page from the Awareness → Advocacy template as this person, lets
 * `build` add to it, waits until it is saved and closes that person's context.
 */
export async function seedMapAs(
  suite: EditorSuite,
  accountId: string,
  build: (frame: Frame) => Promise<void>,
): Promise<void> {
  const ctx = await contextAs(suite.env, accountId);
  try {
    const frame = await startMap(suite.env, await ctx.newPage(), { pageId: suite.pageId });
    await build(frame);
    await waitSaved(frame);
  } finally {
    await ctx.close();
  }
}
