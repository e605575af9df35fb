/**
 * The write-up preview's "Work in Jira" rows (decision 0046) against the real resolvers, the
 * emulator's Jira and the space's routing rules: create from a row through the shared form (the
 * team's rule gives project and work type), link by URL and unlink, and the reasons shown
 * instead of controls where Jira is absent or the person may not create in the routed project.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { rankPainPoints } from '../../../src/domain/ranking/rank-pain-points';
import { App } from '../../../static/app/src/app';
import type { ComponentWorld } from '../harness';
import { openWorkedExample } from './work-world';

let world: ComponentWorld;
let pageId = '';
// The editor keeps one status store per map in the module: each test its own map.
let LOCAL_ID = '';
let serial = 0;

afterEach(async () => {
  await world.close();
});

/** The worked example on a CX page, its top pain point's team routed to `project`. */
async function openPreviewWith(project: string, jiraPresent = true) {
  LOCAL_ID = `c0ffee00-1234-4abc-9def-00000000046${serial++}`;
  const opened = await openWorkedExample({ localId: LOCAL_ID });
  world = opened.world;
  pageId = opened.pageId;
  const { map } = opened;
  const top = rankPainPoints(map)[0];
  const card = map.cards.find((c) => c.id === top?.cardId);
  if (!top || !card) throw new Error('the worked example has pain points');
  const team = card.teams[0] ?? map.owningTeam;
  const spaceId = world.emulator.store.spaceByKey('CX')?.id ?? '';
  const routed = await world.call(
    'routing/set',
    {
      spaceId,
      rules: {
        channels: {},
        stages: {},
        lanes: {},
        jira: { [team]: { project, issueType: 'Story', component: '', labels: ['journey-map'] } },
      },
      baseVersion: 0,
    },
    'acc-admin',
  );
  if (!routed.ok) throw new Error(routed.error.message);
  world.emulator.jira.setPresent(jiraPresent);
  const { user, rows } = await previewRows();
  const row = within(rows).getByRole('region', {
    name: `Work in Jira for Pain point: ${card.text.trim()}`,
  });
  return { user, rows, row, card };
}

/** The app drawn, the write-up previewed: its "Work in Jira" rows. */
async function previewRows() {
  const user = userEvent.setup();
  render(<App context={world.context} />);
  // The first test of the file also waits for the lazy session chunk's first import.
  const generate = { name: 'Generate write-up' };
  await user.click(await screen.findByRole('button', generate, { timeout: 40_000 }));
  const heading = { name: 'Work in Jira for these items' };
  return { user, rows: await screen.findByRole('region', heading, { timeout: 15_000 }) };
}

async function storedLinks() {
  const res = await world.call('map/load', { pageId, localId: LOCAL_ID }, 'acc-editor');
  if (!res.ok || !res.data.map) throw new Error('no stored map');
  return res.data.map.workItems;
}

describe('write-up preview: work in Jira per item', () => {
  it('creates from a row with the routing defaults; the row then shows key and status', async () => {
    const { user, row, card } = await openPreviewWith('IDN');
    const before = world.emulator.jira.state.issues.length;
    await user.click(within(row).getByRole('button', { name: 'Create work item…' }));
    const form = await within(row).findByRole('group', { name: 'New work item' });
    await waitFor(() =>
      expect(within(form).getByRole('combobox', { name: 'Work type' })).toHaveProperty(
        'value',
        'Story',
      ),
    );
    expect(within(form).getByRole('combobox', { name: 'Project' })).toHaveProperty('value', 'IDN');
    expect(within(form).getByRole('textbox', { name: 'Labels (optional)' })).toHaveProperty(
      'value',
      'journey-map',
    );
    expect(within(form).getByRole<HTMLInputElement>('textbox', { name: 'Summary' }).value).not.toBe(
      '',
    );
    await user.click(within(form).getByRole('button', { name: 'Create in Jira' }));

    await waitFor(() => expect(world.emulator.jira.state.issues.length).toBe(before + 1), {
      timeout: 15_000,
    });
    const created = world.emulator.jira.state.issues.at(-1);
    expect(created?.reporterId).toBe('acc-editor');
    expect(created?.labels).toEqual(['journey-map']);
    await within(row).findByText(`${created?.key} · To Do`, {}, { timeout: 15_000 });
    expect(within(row).queryByRole('group', { name: 'New work item' })).toBeNull();
    expect(await storedLinks()).toContainEqual(
      expect.objectContaining({ cardId: card.id, key: created?.key }),
    );
    // The preview is asked again: its Jira column lists the new key.
    const body = screen.getByRole('region', { name: 'Write-up preview content' });
    await waitFor(() => expect(body.textContent).toContain(created?.key), { timeout: 15_000 });
  });

  it('explains why it cannot create in the routed project; links by URL and unlinks', async () => {
    const { user, row, card } = await openPreviewWith('GRO');
    const existing = world.emulator.jira.createIssue({
      projectKey: 'GRO',
      issueTypeId: '10200',
      summary: 'Trial reminder emails',
      description: null,
      labels: [],
      componentIds: [],
      reporterId: 'acc-admin',
    });
    await user.click(within(row).getByRole('button', { name: 'Create work item…' }));
    const form = await within(row).findByRole('group', { name: 'New work item' });
    await within(form).findByText(/You cannot create work in the Jira project GRO/, undefined, {
      timeout: 15_000,
    });
    expect(within(form).getByRole('button', { name: 'Create in Jira' })).toHaveProperty(
      'disabled',
      true,
    );
    await user.click(within(form).getByRole('button', { name: 'Cancel' }));

    await user.click(within(row).getByRole('button', { name: 'Link existing…' }));
    await user.type(
      within(row).getByRole('textbox', { name: 'Work item key or link' }),
      `http://localhost:3000/browse/${existing.key}`,
    );
    await user.click(within(row).getByRole('button', { name: 'Link' }));
    await within(row).findByText(`${existing.key} · To Do`, {}, { timeout: 15_000 });
    await waitFor(
      async () =>
        expect(await storedLinks()).toContainEqual(
          expect.objectContaining({ cardId: card.id, key: existing.key }),
        ),
      { timeout: 15_000 },
    );

    await user.click(within(row).getByRole('button', { name: `Unlink ${existing.key}` }));
    expect(within(row).queryByText(`${existing.key} · To Do`)).toBeNull();
    await waitFor(async () => expect(await storedLinks()).toEqual([]), { timeout: 15_000 });
  });

  it('without Jira, says why once and offers no control', async () => {
    const { rows } = await openPreviewWith('IDN', false);
    await waitFor(() => expect(rows.textContent).toContain('This site has no Jira'), {
      timeout: 15_000,
    });
    expect(within(rows).queryAllByRole('button', { name: 'Create work item…' })).toEqual([]);
    expect(within(rows).queryAllByRole('button', { name: 'Link existing…' })).toEqual([]);
  });
});
