/**
 * Two languages in the macro's grid and details panel (decision 0035): a zh-CN editor reads the
 * grid, a card and its details in Simplified Chinese through Forge's real i18n, an edit made
 * there is stored, and what people typed (stage, step, card text) stays as typed.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { MapAddress } from '../../src/resolvers/contract';
import type { ComponentWorld } from './harness';
import { openMapScreen, storedMap } from './harness';
import { renderAppInLocale } from './render-app';

const LOCAL_ID = 'c0ffee00-1234-4abc-9def-0000000000a2';
let world: ComponentWorld;
let at: MapAddress;

afterEach(async () => {
  await world.close();
});

/** The worked example open for Eddie in `locale`, rendered as main.tsx does. */
async function openMapAs(locale: string): Promise<void> {
  ({ world, at } = await openMapScreen({ localId: LOCAL_ID, accountId: 'acc-editor', locale }));
  await renderAppInLocale(world);
}

describe('editor grid and details in two languages', () => {
  it('a zh-CN editor reads the grid and card details in Simplified Chinese, and edits store', async () => {
    await openMapAs('zh-CN');
    const grid = await screen.findByRole('grid', { name: '旅程地图' });
    expect(within(grid).getByRole('columnheader', { name: '阶段' })).toBeTruthy();
    expect(within(grid).getAllByRole('button', { name: '卡片详情', hidden: true }).length).toBe(
      document.querySelectorAll('[data-card-id]').length,
    );

    const card = (await storedMap(world, at)).cards.find((c) => c.kind === 'painPoint');
    if (!card) throw new Error('the worked example has pain points');
    const cardEl = document.querySelector<HTMLElement>(`[data-card-id="${card.id}"]`);
    if (!cardEl) throw new Error('card not rendered');
    expect(cardEl.getAttribute('aria-roledescription')).toBe('卡片');
    // Read out in zh-CN too (describe.ts), with the typed text as typed.
    expect(cardEl.getAttribute('aria-label')).toContain(`痛点：${card.text}`);
    // The card's own text stays as typed.
    expect(within(cardEl).getByText(card.text)).toBeTruthy();

    const user = userEvent.setup();
    await user.click(within(cardEl).getByRole('button', { name: '卡片详情', hidden: true }));
    const panel = await screen.findByRole('complementary', { name: '卡片' });
    expect(within(panel).getByRole('group', { name: '证据' })).toBeTruthy();
    expect(within(panel).getByRole('group', { name: '影响' })).toBeTruthy();
    // The play's impact scale in its zh-CN words (vocabulary.impact.*).
    const target = card.painPoint?.impact === 'abandon' ? 'trivial' : 'abandon';
    const word = target === 'abandon' ? '导致放弃' : '轻微';
    await user.click(within(panel).getByRole('radio', { name: word }));
    await waitFor(
      async () => {
        const stored = (await storedMap(world, at)).cards.find((c) => c.id === card.id);
        expect(stored?.painPoint?.impact).toBe(target);
      },
      { timeout: 15_000 },
    );
    expect(within(panel).getByRole('button', { name: '删除卡片' })).toBeTruthy();
    expect(screen.queryByText('Delete card')).toBeNull();
  });

  it('an en-US editor reads the same grid in English', async () => {
    await openMapAs('en-US');
    const grid = await screen.findByRole('grid', { name: 'Journey map' });
    expect(within(grid).getByRole('columnheader', { name: 'Stage' })).toBeTruthy();
  });
});
