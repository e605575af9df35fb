/**
 * Two languages (decisions 0035, 0055): the screens load the person's language through the
 * REAL `@forge/i18n` translator over the build's full catalogues (`./catalogues/…`, answered by
 * the harness like the local host), and speak it; an unsupported locale reads English.
 */
import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ComponentWorld } from './harness';
import { openIndexScreen, seedIndexedMap } from './harness';
import { renderAppInLocale } from './render-app';

let world: ComponentWorld;
afterEach(async () => {
  await world.close();
});

async function indexAs(locale: string): Promise<void> {
  world = await openIndexScreen({ accountId: 'acc-editor', locale });
  await seedIndexedMap(world, {
    pageTitle: 'Open journey page',
    localId: 'open-map',
    title: 'Trial to purchase',
  });
  // As main.tsx: the context's locale, loaded through Forge before the first paint.
  await renderAppInLocale(world);
}

describe('languages', () => {
  it('a zh-CN viewer reads the index in Simplified Chinese (Forge i18n, bundled catalogues)', async () => {
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
