/** Server-rendered views of the shell: home, space sidebar, page, space page, forms, errors. */
import type { EmulatorStore } from '../../emulator/store/store';
import type { PageRecord, Principal, SpaceRecord } from '../../emulator/types';
import type { FrameRef, FrameTokens } from '../frame-token';
import type { HostManifest } from '../manifest';
import { resourceEntryUrl } from '../resources';
import type { MacroInstance } from '../storage/macro';
import { renderStorage } from '../storage/render';
import { h } from './layout';
import {
  displayName,
  mayCreateIn,
  mayEditPage,
  pageHref,
  visiblePages,
  visibleSpaces,
} from './space-data';

/** What the views need. */
export type ViewDeps = {
  store: EmulatorStore;
  manifest: HostManifest;
  tokens: FrameTokens;
  /** Where frames are served from (Forge's CDN here: another origin than the page's). */
  resourceOrigin: string;
};

/** The create-page URL for a space (and parent). */
export function createHref(space: SpaceRecord, parentId?: string | null): string {
  const q = new URLSearchParams({ spaceKey: space.key });
  if (parentId) q.set('fromPageId', parentId);
  return `/wiki/pages/createpage.action?${q.toString()}`;
}

/** The URL of the space page module. */
export function spacePageHref(manifest: HostManifest, space: SpaceRecord): string {
  return `/wiki/spaces/${encodeURIComponent(space.key)}/apps/${manifest.spacePage.route}`;
}

/** Home: the spaces the viewer can see. */
export function homeView(deps: ViewDeps, principal: Principal): string {
  const spaces = visibleSpaces(deps.store, principal);
  const cards = spaces
    .map((s) => {
      const count = visiblePages(deps.store, principal, s).length;
      return `<a class="jm-card" href="/wiki/spaces/${encodeURIComponent(s.key)}"><span class="jm-space-icon" aria-hidden="true">${h(s.key.slice(0, 2))}</span><h3>${h(s.name)}</h3><div class="jm-muted">${h(s.key)} · ${count} page${count === 1 ? '' : 's'}</div></a>`;
    })
    .join('');
  const body = cards
    ? `<div class="jm-card-grid">${cards}</div>`
    : '<div class="jm-empty">You cannot see any spaces. Switch user in the top bar.</div>';
  return `<main class="jm-main"><div class="jm-content"><h1>Spaces</h1>${body}</div></main>`;
}

function treeItems(args: {
  pages: PageRecord[];
  parentId: string;
  space: SpaceRecord;
  currentId: string | null;
  depth: number;
}): string {
  if (args.depth > 20) return '';
  return args.pages
    .filter((p) => p.parentId === args.parentId)
    .map((p) => treeItem(args, p))
    .join('');
}

function treeItem(
  args: { pages: PageRecord[]; space: SpaceRecord; currentId: string | null; depth: number },
  p: PageRecord,
): string {
  const current = p.id === args.currentId ? ' aria-current="page"' : '';
  const sub = treeItems({ ...args, parentId: p.id, depth: args.depth + 1 });
  return `<li><a class="jm-nav-item" href="${h(pageHref(args.space, p))}"${current}>${h(p.title)}</a>${sub ? `<ul>${sub}</ul>` : ''}</li>`;
}

/** The space sidebar: "Journey maps" first, then the page tree. */
export function sidebar(args: {
  deps: ViewDeps;
  principal: Principal;
  space: SpaceRecord;
  currentPageId: string | null;
  spacePageActive: boolean;
}): string {
  const { deps, space } = args;
  const pages = visiblePages(deps.store, args.principal, space);
  const visibleIds = new Set(pages.map((p) => p.id));
  const home = space.homepageId && visibleIds.has(space.homepageId) ? space.homepageId : null;
  const roots = pages.filter(
    (p) => p.id !== home && (p.parentId === null || !visibleIds.has(p.parentId)),
  );
  const treeArgs = { pages, space, currentId: args.currentPageId, depth: 0 };
  const items =
    (home ? treeItems({ ...treeArgs, parentId: home }) : '') +
    roots.map((p) => treeItem(treeArgs, p)).join('');
  const tree = items ? `<ul>${items}</ul>` : '<div class="jm-muted">No pages yet.</div>';
  const homePage = home ? deps.store.get('pages', home) : undefined;
  const overview = homePage
    ? `<a class="jm-nav-item" href="${h(pageHref(space, homePage))}"${home === args.currentPageId ? ' aria-current="page"' : ''}>Overview</a>`
    : '';
  const appActive = args.spacePageActive ? ' aria-current="page"' : '';
  return `<nav class="jm-sidebar" aria-label="Space">
  <div class="jm-space-header"><span class="jm-space-icon" aria-hidden="true">${h(space.key.slice(0, 2))}</span>${h(space.name)}</div>
  <a class="jm-nav-item" data-testid="space-page-link" href="${h(spacePageHref(deps.manifest, space))}"${appActive}><span class="jm-nav-app-icon" aria-hidden="true"></span>${h(deps.manifest.spacePage.title)}</a>
  ${overview}
  <div class="jm-nav-heading">Content</div>
  <div class="jm-tree">${tree}</div>
</nav>`;
}

/** A Forge macro iframe for a page. */
export function macroFrame(args: {
  deps: ViewDeps;
  space: SpaceRecord;
  page: PageRecord;
  macro: MacroInstance;
}): string {
  const { deps, macro } = args;
  if (macro.moduleKey !== deps.manifest.macro.key) {
    return `<div class="jm-unsupported">Unknown Forge macro: ${h(macro.moduleKey)}</div>`;
  }
  const ref: FrameRef = {
    resourceKey: deps.manifest.macro.resource,
    moduleKey: macro.moduleKey,
    localId: macro.localId,
    extension: {
      type: 'macro',
      content: { id: args.page.id, type: args.page.type ?? 'page' },
      space: { id: args.space.id, key: args.space.key },
      isEditing: false,
      config: macro.config,
      references: [],
    },
  };
  const frameId = `macro-${macro.localId}`.slice(0, 80);
  const src = resourceEntryUrl({ ref, tokens: deps.tokens, origin: deps.resourceOrigin, frameId });
  return `<div class="jm-macro" id="${h(frameId)}" data-local-id="${h(macro.localId)}"><iframe class="jm-forge-frame" data-frame-id="${h(frameId)}" data-min-height="40" src="${h(src)}" title="${h(deps.manifest.macro.title)}"></iframe></div>`;
}

/** A signed frame URL for a page-level module (byline item, ••• action) on `page`. */
function pageModuleSrc(args: {
  deps: ViewDeps;
  space: SpaceRecord;
  page: PageRecord;
  module: { key: string; resource: string };
  type: 'confluence:contentBylineItem' | 'confluence:contentAction';
}): { src: string; frameId: string } {
  const { page, space, module } = args;
  const ref: FrameRef = {
    resourceKey: module.resource,
    moduleKey: module.key,
    localId: `${module.key}-${page.id}`,
    extension: {
      type: args.type,
      // The docs list `content.type` in the byline's extension context only; the content
      // action's context is given without it, so the app cannot depend on it (decision 0053).
      content:
        args.type === 'confluence:contentBylineItem'
          ? { id: page.id, type: page.type ?? 'page', subtype: null }
          : { id: page.id, subtype: null },
      space: { id: space.id, key: space.key },
      location: pageHref(space, page),
    },
  };
  const frameId = `module-${module.key}-${page.id}`.slice(0, 80);
  return {
    src: resourceEntryUrl({
      ref,
      tokens: args.deps.tokens,
      origin: args.deps.resourceOrigin,
      frameId,
    }),
    frameId,
  };
}

/**
 * The app's byline item as Confluence draws it: icon and (dynamic) title with its tooltip; a
 * click opens the module in a popup (or modal) anchored to it.
 */
function bylineItem(args: {
  deps: ViewDeps;
  space: SpaceRecord;
  page: PageRecord;
  text: { title: string; tooltip: string; icon?: string | null } | null;
}): string {
  const module = args.deps.manifest.byline;
  if (!module || !args.text) return '';
  const { src, frameId } = pageModuleSrc({ ...args, module, type: 'confluence:contentBylineItem' });
  return ` · <button type="button" class="jm-byline-item" data-testid="byline-item" data-module-src="${h(src)}" data-module-id="${h(frameId)}" data-module-title="${h(module.title)}" data-viewport-container="${h(module.viewportContainer)}" data-viewport-size="${h(module.viewportSize)}" data-byline-refresh="/__shell/pages/${h(args.page.id)}/byline" title="${h(args.text.tooltip)}" aria-haspopup="dialog">${args.text.icon ? `<img class="jm-byline-icon-img" data-testid="byline-icon" src="${h(args.text.icon)}" alt="" width="16" height="16">` : '<span class="jm-byline-icon" aria-hidden="true"></span>'}<span class="jm-byline-title">${h(args.text.title)}</span></button>`;
}

/** The page's ••• menu with the app's content actions (each opens in a modal). */
function moreActionsMenu(args: { deps: ViewDeps; space: SpaceRecord; page: PageRecord }): string {
  const actions = args.deps.manifest.contentActions;
  if (actions.length === 0) return '';
  const items = actions
    .map((module) => {
      const { src, frameId } = pageModuleSrc({ ...args, module, type: 'confluence:contentAction' });
      return `<li role="none"><button type="button" role="menuitem" class="jm-menu-item" data-testid="content-action" data-module-src="${h(src)}" data-module-id="${h(frameId)}" data-module-title="${h(module.title)}" data-viewport-container="modal" data-viewport-size="${h(module.viewportSize)}">${h(module.title)}</button></li>`;
    })
    .join('');
  return `<div class="jm-more-actions"><button type="button" class="jm-button" data-testid="page-more-actions" aria-haspopup="menu" aria-expanded="false" aria-label="More actions">•••</button><ul class="jm-menu" role="menu" hidden><li class="jm-menu-heading" role="none">Apps</li>${items}</ul></div>`;
}

/** The page view. */
export function pageView(args: {
  deps: ViewDeps;
  principal: Principal;
  space: SpaceRecord;
  page: PageRecord;
  /** The byline item's text for this viewer (null: the app has none or it is not drawn). */
  byline?: { title: string; tooltip: string; icon?: string | null } | null;
}): string {
  const { deps, principal, space, page } = args;
  const store = deps.store;
  const ancestors = store.ancestorsOf(page);
  const crumbs = [
    `<li><a href="/wiki/spaces/${encodeURIComponent(space.key)}">${h(space.name)}</a></li>`,
    ...ancestors.map((a) => `<li><a href="${h(pageHref(space, a))}">${h(a.title)}</a></li>`),
  ].join('');
  const canEdit = mayEditPage(store, principal, page);
  const canCreate = mayCreateIn(principal, space);
  const actions = [
    canEdit
      ? `<form method="post" action="/__shell/pages/${page.id}/insert-macro"><button class="jm-button jm-button-primary" data-testid="insert-journey-map" type="submit">Insert journey map</button></form>`
      : '',
    canCreate
      ? `<a class="jm-button" href="${h(createHref(space, page.id))}">Create child page</a>`
      : '',
    moreActionsMenu({ deps, space, page }),
  ].join('');
  const restricted =
    page.viewRestriction.length > 0 || ancestors.some((a) => a.viewRestriction.length > 0)
      ? ' · <span class="jm-restricted-badge">Restricted</span>'
      : '';
  const updated = new Date(page.version.createdAt);
  const byline = `Owned by ${h(displayName(store, page.authorId))} · Last updated ${h(updated.toISOString().slice(0, 10))} by ${h(displayName(store, page.version.authorId))} · Version ${page.version.number}${restricted}${canEdit ? '' : ' · <span>Read only</span>'}${bylineItem({ deps, space, page, text: args.byline ?? null })}`;
  const attachments = store.attachmentsOf(page.id);
  const html = renderStorage(page.body, {
    attachmentUrl: (fileName, pageTitle) => {
      let owner: PageRecord | undefined = page;
      if (pageTitle) {
        owner = visiblePages(store, principal, space).find((p) => p.title === pageTitle);
      }
      if (!owner) return null;
      const list = owner === page ? attachments : store.attachmentsOf(owner.id);
      if (!list.some((a) => a.title === fileName)) return null;
      return `/__shell/attachments/${owner.id}/${encodeURIComponent(fileName)}`;
    },
    pageUrl: (title, spaceKey) => {
      const target = spaceKey ? store.spaceByKey(spaceKey) : space;
      if (!target) return null;
      const found = visiblePages(store, principal, target).find((p) => p.title === title);
      return found ? pageHref(target, found) : null;
    },
    renderMacro: (macro) => macroFrame({ deps, space, page, macro }),
  });
  return `<div class="jm-layout">
${sidebar({ deps, principal, space, currentPageId: page.id, spacePageActive: false })}
<main class="jm-main"><div class="jm-content">
  <ol class="jm-breadcrumbs" aria-label="Breadcrumbs">${crumbs}</ol>
  <div class="jm-page-header"><h1 data-testid="page-title">${h(page.title)}</h1><div class="jm-page-actions">${actions}</div></div>
  <div class="jm-byline">${byline}</div>
  <div class="jm-body" data-testid="page-body">${html}</div>
</div></main>
</div>`;
}

/** The space page module ("Journey maps") in the space. */
export function spacePageView(args: {
  deps: ViewDeps;
  principal: Principal;
  space: SpaceRecord;
  subPath: string;
}): string {
  const { deps, space } = args;
  const ref: FrameRef = {
    resourceKey: deps.manifest.spacePage.resource,
    moduleKey: deps.manifest.spacePage.key,
    localId: `space-page-${space.id}`,
    extension: { type: 'confluence:spacePage', space: { id: space.id, key: space.key } },
  };
  const frameId = `space-page-${space.key}`;
  const src = resourceEntryUrl({
    ref,
    tokens: deps.tokens,
    origin: deps.resourceOrigin,
    frameId,
    historyPath: args.subPath,
  });
  const base = spacePageHref(deps.manifest, space);
  return `<div class="jm-layout">
${sidebar({ deps, principal: args.principal, space, currentPageId: null, spacePageActive: true })}
<main class="jm-main"><div class="jm-content jm-content-wide">
  <ol class="jm-breadcrumbs" aria-label="Breadcrumbs"><li><a href="/wiki/spaces/${encodeURIComponent(space.key)}">${h(space.name)}</a></li><li>Apps</li></ol>
  <iframe class="jm-forge-frame jm-space-page-frame" data-frame-id="${h(frameId)}" data-history-base="${h(base)}" data-min-height="400" src="${h(src)}" title="${h(deps.manifest.spacePage.title)}"></iframe>
</div></main>
</div>`;
}

/** The create-page form. */
export function createPageView(args: {
  deps: ViewDeps;
  principal: Principal;
  space: SpaceRecord;
  parentId: string | null;
  title?: string;
  error?: string;
}): string {
  // Blog posts cannot have child pages.
  const pages = visiblePages(args.deps.store, args.principal, args.space).filter(
    (p) => p.type !== 'blogpost',
  );
  const parentOptions = [
    `<option value="">(top level)</option>`,
    ...pages.map(
      (p) =>
        `<option value="${p.id}"${p.id === args.parentId ? ' selected' : ''}>${h(p.title)}</option>`,
    ),
  ].join('');
  const error = args.error ? `<div class="jm-form-error" role="alert">${h(args.error)}</div>` : '';
  return `<div class="jm-layout">
${sidebar({ deps: args.deps, principal: args.principal, space: args.space, currentPageId: null, spacePageActive: false })}
<main class="jm-main"><div class="jm-content">
  <h1>Create a page in ${h(args.space.name)}</h1>
  <form class="jm-form" method="post" action="/wiki/pages/createpage.action">
    ${error}
    <input type="hidden" name="spaceKey" value="${h(args.space.key)}">
    <label>Title <input type="text" name="title" required maxlength="255" value="${h(args.title ?? '')}"></label>
    <label>Parent page <select name="parentId">${parentOptions}</select></label>
    <label class="jm-check"><input type="checkbox" name="withMap" value="1" checked> Start with a journey map</label>
    <div><button class="jm-button jm-button-primary" type="submit">Create</button></div>
  </form>
</div></main>
</div>`;
}

/** A simple profile page. */
export function personView(name: string, email: string): string {
  return `<main class="jm-main"><div class="jm-content"><h1>${h(name)}</h1><p class="jm-muted">${h(email)}</p></div></main>`;
}

/** Confluence's "page not found" (also for pages the viewer may not see). */
export function notFoundView(
  message = "We can't find that page. It may have been deleted, or you may not have permission to view it.",
): string {
  return `<main class="jm-main"><div class="jm-content jm-error-page" data-testid="not-found"><h1>Page not found</h1><p>${h(message)}</p><p><a href="/">Go to spaces</a></p></div></main>`;
}
