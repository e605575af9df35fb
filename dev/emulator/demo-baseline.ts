/** The baseline every fresh emulator starts from: the four demo users and space CX. */
import type { EmulatorStore } from './store/store';

/** The demo users of the brief. */
export const DEMO_USERS = [
  { accountId: 'acc-admin', email: 'admin@example.com', displayName: 'Avery Admin' },
  { accountId: 'acc-editor', email: 'editor@example.com', displayName: 'Eddie Editor' },
  { accountId: 'acc-viewer', email: 'viewer@example.com', displayName: 'Vera Viewer' },
  { accountId: 'acc-outsider', email: 'outsider@example.com', displayName: 'Olli Outsider' },
] as const;

/** Seeds users, space CX (admin administers; admin + editor edit; viewer and outsider view) and its homepage. */
export function seedDemoBaseline(store: EmulatorStore): void {
  for (const u of DEMO_USERS) store.addUser({ ...u });
  store.createSpace({
    key: 'CX',
    name: 'Customer Experience',
    authorId: 'acc-admin',
    viewers: ['acc-admin', 'acc-editor', 'acc-viewer', 'acc-outsider'],
    editors: ['acc-admin', 'acc-editor'],
    admins: ['acc-admin'],
  });
  const home = store.createPage({
    spaceKey: 'CX',
    title: 'Customer Experience Home',
    authorId: 'acc-admin',
    body: '<p>Welcome to the Customer Experience space.</p>',
  });
  store.setHomepage('CX', home.id);
}
