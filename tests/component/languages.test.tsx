/**
 * Two languages (decision 0035): the screens load the person's language through the REAL
 * `@forge/bridge` i18n, which fetches `./__LOCALES__/…` as it does on Forge (answered by the
 * harness like the local host), and speak it; an unsupported locale reads English.
 */
import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { buildMacroStorage } from '../../dev/host/storage/macro';
import { App } from '../../static/app/src/app';
import { I18nProvider, loadI18n } from '../../static/app/src/i18n';
import type { ComponentWorld } from './harness';
import { createEmulatorWorld, openScreen } from './harness';

let world: ComponentWorld;
afterEach(async () => {
  await world.close();
});

async function indexAs(locale: string): Promise<void> {
  const base = await createEmulatorWorld();
  const pageId = base.emulator.store.createPage({
    spaceKey: 'CX',
    title: 'Open journey page',
    authorId: 'acc-admin',
    body: buildMacroStorage({ localId: 'open-map' }),
  }).id;
  world = await openScreen({
    ...base,
    where: { module: 'journey-maps-index', spaceKey: 'CX' },
    accountId: 'acc-editor',
    locale,
  });
  const made = await world.call(
    'map/create',
    { pageId, localId: 'open-map', template: 'blank', title: 'Trial to purchase' },
    'acc-admin',
  );
  expect(made.ok).toBe(true);
  // As main.tsx: the context's locale, loaded through Forge before the first paint.
  const i18n = await loadI18n(world.context.locale);
  render(
    <I18nProvider value={i18n}>
      <App context={world.context} />
    </I18nProvider>,
  );
}

describe('languages', () => {
  it('a zh-CN viewer reads the index in Simplified Chinese (bridge i18n, __LOCALES__)', async () => {
    await indexAs('zh-CN');
    expect(await screen.findByRole('table', { name: '此空间中的客户旅程地图' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: '客户旅程地图' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '团队分派规则' })).toBeTruthy();
    // The map's own title stays as typed.
    expect(screen.getByText('Trial to purchase')).toBeTruthy();
    expect(world.context.locale).toBe('zh-CN');
  });

  it('an unsupported locale (fr-FR) reads English', async () => {
    await indexAs('fr-FR');
    expect(await screen.findByRole('table', { name: 'Journey maps in this space' })).toBeTruthy();
  });
});
