/** Renders the app the way `main.tsx` does for a component world. */
import { render } from '@testing-library/react';
import { App } from '../../static/app/src/app';
import { I18nProvider, loadI18n } from '../../static/app/src/i18n';
import type { ComponentWorld } from './harness';

/** Loads the context's language through the bridge's i18n before the first paint, then renders. */
export async function renderAppInLocale(world: ComponentWorld): Promise<void> {
  const i18n = await loadI18n(world.context.locale);
  render(
    <I18nProvider value={i18n}>
      <App context={world.context} />
    </I18nProvider>,
  );
}
