/** Routes of the Confluence-like shell. Returns false for paths it does not own. */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Emulator } from '../../emulator/index';
import type { PageRecord, SpaceRecord } from '../../emulator/types';
import { clientScript } from '../client-script';
import { RestError, createPage, updatePageBody } from '../confluence-client';
import type { FrameTokens } from '../frame-token';
import { cookie, isSameOrigin, readBody, redirect, send, sendHtml } from '../http';
import type { HostManifest } from '../manifest';
import { buildMacroStorage } from '../storage/macro';
import { tokenCss } from '../tokens';
import type { Viewer } from '../viewer';
import { USER_COOKIE, principalOf } from '../viewer';
import type { BylinePlace, BylineText } from '../dynamic-byline';
import type { SwitchableUser } from './layout';
import { layout } from './layout';
import { jiraHomeView, jiraIssueView, mayBrowse } from './jira-views';
import { mayCreateIn, pageHref, visiblePage, visibleSpace } from './space-data';
import type { ViewDeps } from './views';
import {
  createHref,
  createPageView,
  homeView,
  notFoundView,
  pageView,
  personView,
  spacePageView,
} from './views';

const CLIENT_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '../client');

/** What the shell needs. */
export type ShellDeps = {
  emulator: Emulator;
  manifest: HostManifest;
  tokens: FrameTokens;
  viewer: Viewer;
  /** Where frames are served from (Forge's CDN here: another origin than the page's). */
  resourceOrigin: string;
  /** The byline item's text for a page, as the viewer (its `dynamicProperties`). */
  bylineText?: (
    place: BylinePlace,
    accountId: string | null,
    locale?: string,
  ) => Promise<BylineText | null>;
};

function users(emulator: Emulator): SwitchableUser[] {
  return [...emulator.store.all('users')].map((u) => ({
    accountId: u.accountId,
    displayName: u.displayName,
    email: u.email,
  }));
}

function page(
  res: ServerResponse,
  deps: ShellDeps,
  args: { status?: number; title: string; body: string; back: string; createHref?: string | null },
): void {
  sendHtml(
    res,
    args.status ?? 200,
    layout({
      title: args.title,
      viewer: deps.viewer,
      users: users(deps.emulator),
      body: args.body,
      back: args.back,
      createHref: args.createHref ?? null,
    }),
  );
}

function notFound(res: ServerResponse, deps: ShellDeps, back: string): void {
  page(res, deps, { status: 404, title: 'Page not found', body: notFoundView(), back });
}

async function form(req: IncomingMessage): Promise<URLSearchParams> {
  return new URLSearchParams((await readBody(req, 1024 * 1024)).toString('utf8'));
}

/** A local, same-site path to return to (never an absolute URL). */
function safeBack(value: string | null): string {
  return value && value.startsWith('/') && !value.startsWith('//') ? value : '/';
}

/** Handles a shell route; false when the path is not the shell's. */
/** The byline item's text on a page for the viewer (null: the app has no byline item). */
async function bylineOf(
  deps: ShellDeps,
  space: SpaceRecord,
  page: PageRecord,
): Promise<BylineText | null> {
  if (!deps.bylineText) return null;
  return deps.bylineText(
    {
      content: { id: page.id, type: page.type ?? 'page' },
      space: { id: space.id, key: space.key },
    },
    deps.viewer.accountId,
    deps.viewer.locale,
  );
}

export async function handleShell(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  deps: ShellDeps,
): Promise<boolean> {
  const p = url.pathname;
  const method = req.method ?? 'GET';
  const store = deps.emulator.store;
  const principal = principalOf(deps.viewer);
  const views: ViewDeps = {
    store,
    manifest: deps.manifest,
    tokens: deps.tokens,
    resourceOrigin: deps.resourceOrigin,
  };
  const back = p + url.search;

  if (p === '/favicon.ico') {
    send(res, 204, '');
    return true;
  }
  if (p === '/__shell/assets/shell.js') {
    send(res, 200, clientScript('shell'), {
      'content-type': 'text/javascript; charset=utf-8',
      'cache-control': 'no-cache',
    });
    return true;
  }
  if (p === '/__shell/assets/shell.css') {
    send(res, 200, readFileSync(path.join(CLIENT_DIR, 'shell.css')), {
      'content-type': 'text/css; charset=utf-8',
      'cache-control': 'no-cache',
    });
    return true;
  }
  const tokenMatch = /^\/__forge\/tokens\/([a-z]+)\.css$/.exec(p);
  if (tokenMatch) {
    const css = tokenCss(tokenMatch[1] ?? '');
    if (css === null) send(res, 404, 'Not found');
    else
      send(res, 200, css, {
        'content-type': 'text/css; charset=utf-8',
        'cache-control': 'max-age=3600',
      });
    return true;
  }

  if (
    (method === 'POST' && p.startsWith('/__shell/')) ||
    (method === 'POST' && p === '/wiki/pages/createpage.action')
  ) {
    if (!isSameOrigin(req)) {
      send(res, 403, 'Cross-site form posts are refused.');
      return true;
    }
  }

  if (method === 'POST' && p === '/__shell/switch-user') {
    const f = await form(req);
    const accountId = f.get('accountId') ?? '';
    const known = store.get('users', accountId);
    redirect(
      res,
      safeBack(f.get('back')),
      known ? { 'set-cookie': cookie(USER_COOKIE, accountId) } : {},
    );
    return true;
  }

  const transition = /^\/__shell\/jira\/([A-Z][A-Z0-9_]*-\d+)\/status$/.exec(p);
  if (method === 'POST' && transition) {
    const jira = deps.emulator.jira;
    const issue = jira.issue(transition[1] ?? '');
    if (!issue || !mayBrowse(jira, deps.viewer.accountId, issue) || !jira.state.present) {
      notFound(res, deps, '/jira');
      return true;
    }
    const f = await form(req);
    // Through Jira's own transition endpoint as the viewer: only what the workflow offers.
    const moved = await deps.emulator.handle(
      new Request(`${url.origin}/rest/api/3/issue/${issue.key}/transitions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ transition: { id: f.get('transitionId') ?? '' } }),
      }),
      principal,
    );
    if (!moved.ok) {
      const body = (await moved.json().catch(() => ({}))) as { errorMessages?: string[] };
      send(res, moved.status, body.errorMessages?.join(' ') || 'Jira refused the transition.');
      return true;
    }
    redirect(res, `/browse/${issue.key}`);
    return true;
  }

  const insert = /^\/__shell\/pages\/(\d+)\/insert-macro$/.exec(p);
  if (method === 'POST' && insert) {
    const id = insert[1] ?? '';
    const target = visiblePage(store, principal, id);
    const space = target ? store.get('spaces', target.spaceId) : undefined;
    if (!target || !space) {
      notFound(res, deps, '/');
      return true;
    }
    const localId = randomUUID();
    try {
      await updatePageBody({
        emulator: deps.emulator,
        principal,
        id,
        message: 'Inserted a journey map',
        transform: (storage) => storage + buildMacroStorage({ localId, nodeLocalId: randomUUID() }),
      });
    } catch (error) {
      const message =
        error instanceof RestError ? `${error.status}: ${error.message}` : String(error);
      page(res, deps, {
        status: error instanceof RestError ? error.status : 500,
        title: 'Could not insert',
        body: notFoundView(`The journey map could not be inserted (${message}).`),
        back: pageHref(space, target),
      });
      return true;
    }
    redirect(res, `${pageHref(space, target)}#macro-${localId}`);
    return true;
  }

  // The byline item re-reads its dynamic properties when its popup closes, as Confluence does.
  const bylineRoute = /^\/__shell\/pages\/(\d+)\/byline$/.exec(p);
  if (method === 'GET' && bylineRoute) {
    const target = visiblePage(store, principal, bylineRoute[1] ?? '');
    const space = target ? store.get('spaces', target.spaceId) : undefined;
    const text = target && space ? await bylineOf(deps, space, target) : null;
    send(res, text ? 200 : 404, JSON.stringify(text ?? {}), {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
    });
    return true;
  }

  const attachment = /^\/__shell\/attachments\/(\d+)\/([^/]+)$/.exec(p);
  if (method === 'GET' && attachment) {
    const owner = visiblePage(store, principal, attachment[1] ?? '');
    const fileName = decodeURIComponent(attachment[2] ?? '');
    const att = owner ? store.attachmentsOf(owner.id).find((a) => a.title === fileName) : undefined;
    const bytes = att ? store.readBlob(att.blob) : null;
    if (!att || !bytes) send(res, 404, 'Not found');
    else {
      send(res, 200, bytes, {
        'content-type': att.mediaType,
        'cache-control': 'no-cache',
        'x-content-type-options': 'nosniff',
        'content-security-policy': "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'",
      });
    }
    return true;
  }

  if (method !== 'GET' && method !== 'HEAD' && p !== '/wiki/pages/createpage.action') return false;

  if (p === '/' || p === '/wiki' || p === '/wiki/' || p === '/wiki/home') {
    page(res, deps, { title: 'Spaces', body: homeView(views, principal), back });
    return true;
  }

  if (p === '/jira') {
    page(res, deps, {
      title: 'Jira',
      body: jiraHomeView(deps.emulator.jira, deps.viewer.accountId),
      back,
    });
    return true;
  }
  const browse = /^\/browse\/([A-Za-z][A-Za-z0-9_]*-\d+)$/.exec(p);
  if (browse) {
    const jira = deps.emulator.jira;
    const issue = jira.issue(browse[1] ?? '');
    if (!jira.state.present || !issue || !mayBrowse(jira, deps.viewer.accountId, issue)) {
      notFound(res, deps, '/jira');
      return true;
    }
    page(res, deps, {
      title: `${issue.key}: ${issue.summary}`,
      body: jiraIssueView({
        issue,
        projectName: jira.project(issue.projectKey)?.name ?? issue.projectKey,
        transitions: jira.transitionsOf(issue),
      }),
      back,
    });
    return true;
  }
  if (p === '/wiki/pages/viewpage.action') {
    const target = visiblePage(store, principal, url.searchParams.get('pageId') ?? '');
    const space = target ? store.get('spaces', target.spaceId) : undefined;
    if (!target || !space) notFound(res, deps, back);
    else redirect(res, pageHref(space, target));
    return true;
  }

  if (p === '/wiki/pages/createpage.action') {
    await createPageRoute(req, res, url, deps, views);
    return true;
  }

  const person = /^\/wiki\/people\/([^/]+)$/.exec(p);
  if (person) {
    const user = store.get('users', decodeURIComponent(person[1] ?? ''));
    if (!user) notFound(res, deps, back);
    else
      page(res, deps, {
        title: user.displayName,
        body: personView(user.displayName, user.email),
        back,
      });
    return true;
  }

  const spaceMatch = /^\/wiki\/spaces\/([^/]+)(?:\/(.*))?$/.exec(p);
  if (!spaceMatch) return false;
  const space = visibleSpace(store, principal, decodeURIComponent(spaceMatch[1] ?? ''));
  const rest = spaceMatch[2] ?? '';
  if (!space) {
    notFound(res, deps, back);
    return true;
  }
  const create = mayCreateIn(principal, space) ? createHref(space) : null;
  if (rest === '' || rest === 'overview') {
    const home = space.homepageId ? visiblePage(store, principal, space.homepageId) : undefined;
    if (home) {
      page(res, deps, {
        title: home.title,
        body: pageView({
          deps: views,
          principal,
          space,
          page: home,
          byline: await bylineOf(deps, space, home),
        }),
        back,
        createHref: create,
      });
    } else {
      page(res, deps, {
        title: space.name,
        body: spacePageView({ deps: views, principal, space, subPath: '/' }),
        back,
        createHref: create,
      });
    }
    return true;
  }
  const pageMatch =
    /^pages\/(\d+)(?:\/.*)?$/.exec(rest) ??
    /^blog\/\d{4}\/\d{2}\/\d{2}\/(\d+)(?:\/.*)?$/.exec(rest);
  if (pageMatch) {
    const target = visiblePage(store, principal, pageMatch[1] ?? '');
    if (!target || target.spaceId !== space.id) notFound(res, deps, back);
    else
      page(res, deps, {
        title: target.title,
        body: pageView({
          deps: views,
          principal,
          space,
          page: target,
          byline: await bylineOf(deps, space, target),
        }),
        back,
        createHref: create,
      });
    return true;
  }
  const route = deps.manifest.spacePage.route;
  if (rest === `apps/${route}` || rest.startsWith(`apps/${route}/`)) {
    const subPath = '/' + rest.slice(`apps/${route}`.length).replace(/^\//, '');
    page(res, deps, {
      title: deps.manifest.spacePage.title,
      body: spacePageView({ deps: views, principal, space, subPath: subPath + url.search }),
      back,
      createHref: create,
    });
    return true;
  }
  notFound(res, deps, back);
  return true;
}

async function createPageRoute(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  deps: ShellDeps,
  views: ViewDeps,
): Promise<void> {
  const store = deps.emulator.store;
  const principal = principalOf(deps.viewer);
  const isPost = req.method === 'POST';
  const f = isPost ? await form(req) : url.searchParams;
  const space = visibleSpace(store, principal, f.get('spaceKey') ?? '');
  if (!space) return notFound(res, deps, '/');
  const back = `/wiki/spaces/${encodeURIComponent(space.key)}`;
  const parentId = (isPost ? f.get('parentId') : f.get('fromPageId')) || null;
  if (!mayCreateIn(principal, space)) {
    return page(res, deps, {
      status: 403,
      title: 'Not allowed',
      body: notFoundView(`${deps.viewer.displayName} cannot create pages in ${space.name}.`),
      back,
    });
  }
  if (!isPost) {
    return page(res, deps, {
      title: 'Create page',
      body: createPageView({ deps: views, principal, space, parentId }),
      back,
    });
  }
  const title = (f.get('title') ?? '').trim();
  const storage =
    '<p>Start writing here.</p>' +
    (f.get('withMap')
      ? buildMacroStorage({ localId: randomUUID(), nodeLocalId: randomUUID() })
      : '');
  try {
    const created = await createPage({
      emulator: deps.emulator,
      principal,
      spaceId: space.id,
      title,
      parentId,
      storage,
    });
    const record = store.get('pages', created.id);
    redirect(res, record ? pageHref(space, record) : back);
  } catch (error) {
    const message = error instanceof RestError ? error.message : String(error);
    page(res, deps, {
      status: error instanceof RestError ? error.status : 500,
      title: 'Create page',
      body: createPageView({ deps: views, principal, space, parentId, title, error: message }),
      back,
    });
  }
}
