/** The shell's page frame: top bar (site name, spaces, create, theme toggle, user switcher). */
import { escapeAttr } from '../../../src/domain/storage-format';
import { THEME_ATTR, tokenSheetUrls } from '../tokens';
import type { Viewer } from '../viewer';

/** Escapes text for HTML. */
export const h = escapeAttr;

/** The site name shown in the top bar. */
export const SITE_NAME = 'Journey Maps (local)';

/** A user the switcher offers. */
export type SwitchableUser = { accountId: string; displayName: string; email: string };

/** Initials for an avatar. */
export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return (
    (parts[0]?.[0] ?? '?') + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '')
  ).toUpperCase();
}

/** Wraps page content in the shell. */
export function layout(args: {
  title: string;
  viewer: Viewer;
  users: SwitchableUser[];
  body: string;
  /** Path to come back to after switching user. */
  back: string;
  createHref?: string | null;
}): string {
  const { viewer } = args;
  const options = args.users
    .map(
      (u) =>
        `<option value="${h(u.accountId)}"${u.accountId === viewer.accountId ? ' selected' : ''}>${h(u.displayName)} (${h(u.email)})</option>`,
    )
    .join('');
  const sheets = tokenSheetUrls()
    .map((href) => `<link rel="stylesheet" href="${h(href)}">`)
    .join('');
  const dark = viewer.colorMode === 'dark';
  const create = args.createHref
    ? `<a class="jm-button jm-button-primary" href="${h(args.createHref)}">+ Create</a>`
    : '';
  return `<!doctype html>
<html lang="en" data-theme="${THEME_ATTR}" data-color-mode="${viewer.colorMode}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(args.title)} - ${h(SITE_NAME)}</title>
${sheets}
<link rel="stylesheet" href="/__shell/assets/shell.css">
</head>
<body>
<header class="jm-topbar">
  <a class="jm-logo" href="/"><span class="jm-logo-mark" aria-hidden="true">JM</span>${h(SITE_NAME)}</a>
  <nav class="jm-topnav" aria-label="Site"><a href="/">Spaces</a> <a href="/jira">Jira</a></nav>
  ${create}
  <span class="jm-spacer"></span>
  <button type="button" class="jm-button" id="jm-theme-toggle" aria-pressed="${dark ? 'true' : 'false'}">${dark ? 'Light mode' : 'Dark mode'}</button>
  <form method="post" action="/__shell/switch-user">
    <span class="jm-avatar" aria-hidden="true" title="${h(viewer.displayName)}">${h(initials(viewer.displayName))}</span>
    <label for="jm-user-select">Viewing as</label>
    <select id="jm-user-select" name="accountId">${options}</select>
    <input type="hidden" name="back" value="${h(args.back)}">
    <button class="jm-button" id="jm-user-submit" type="submit">Switch</button>
  </form>
</header>
${args.body}
<div id="jm-flags" class="jm-flags" aria-live="polite"></div>
<div id="jm-modals"></div>
<script src="/__shell/assets/shell.js"></script>
</body>
</html>`;
}
