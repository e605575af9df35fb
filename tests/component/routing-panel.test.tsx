/** The routing panel against the real `routing/get` / `routing/set` resolvers and the emulator. */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROUTING_PROPERTY_KEY } from '../../src/domain/routing';
import { RoutingPanel } from '../../static/app/src/features/index/routing-panel';
import type { ComponentWorld } from './harness';
import { openIndexScreen } from './harness';

let world: ComponentWorld;
let spaceId: string;

async function open(accountId: string): Promise<void> {
  world = await openIndexScreen({ accountId });
  spaceId = world.emulator.store.spaceByKey('CX')?.id ?? '';
}

beforeEach(() => {
  spaceId = '';
});
afterEach(async () => {
  await world.close();
});

describe('RoutingPanel', () => {
  it('loads the stored rules and saves a space admin’s edit to the space property', async () => {
    await open('acc-admin');
    const user = userEvent.setup();
    render(<RoutingPanel spaceId={spaceId} knownTeams={['Growth']} />);
    await user.click(screen.getByRole('button', { name: 'Team routing rules' }));
    const web = await screen.findByLabelText('Team owning the Web channel');
    expect(web).toHaveProperty('value', '');
    expect(screen.getByRole('button', { name: 'Save routing rules' })).toHaveProperty(
      'disabled',
      true,
    );

    await user.type(web, 'Web team');
    await user.click(screen.getByRole('button', { name: 'Save routing rules' }));
    await screen.findByText('Routing rules saved. New write-ups use them.');
    const stored = world.emulator.store.propertyByKey('space', spaceId, ROUTING_PROPERTY_KEY);
    expect(stored?.value).toEqual({ channels: { web: 'Web team' }, stages: {}, lanes: {} });
  });

  it.each(['acc-viewer', 'acc-editor'])(
    'shows the rules read-only, with the reason, to %s',
    async (who) => {
      await open(who);
      const rules = { channels: { phone: 'Contact centre' }, stages: {}, lanes: {} };
      const saved = await world.call(
        'routing/set',
        { spaceId, rules, baseVersion: 0 },
        'acc-admin',
      );
      expect(saved.ok).toBe(true);
      const user = userEvent.setup();
      render(<RoutingPanel spaceId={spaceId} knownTeams={[]} />);
      await user.click(screen.getByRole('button', { name: 'Team routing rules' }));
      const phone = await screen.findByLabelText('Team owning the Phone channel');
      expect(phone).toHaveProperty('value', 'Contact centre');
      expect(phone).toHaveProperty('disabled', true);
      expect(screen.getByRole('note').textContent).toMatch(
        /Only space admins can change routing rules/,
      );
      expect(screen.queryByRole('button', { name: 'Save routing rules' })).toBeNull();
      expect(screen.queryByRole('button', { name: '+ Add stage rule' })).toBeNull();
    },
  );
});
