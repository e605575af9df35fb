/**
 * Entry of the Custom UI resource `main`: reads the host context, turns on theming and picks
 * the screen by module key ('journey-map' → the macro, 'journey-maps-index' → the index).
 */
// First: zod must be jitless before any schema is built (see the module).
import '../../../src/domain/zod-jitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { enableTheming, getContext } from './bridge/client';
import { App } from './app';
import { setUpTheme } from './theme';
import './styles/base.css';
import './styles/editor.css';
import './styles/live.css';

async function boot(): Promise<void> {
  const root = createRoot(document.getElementById('root') as HTMLElement);
  try {
    const context = await getContext();
    await enableTheming();
    void setUpTheme(context.theme);
    root.render(
      <StrictMode>
        <App context={context} />
      </StrictMode>,
    );
  } catch (err) {
    void setUpTheme(null);
    root.render(
      <p className="banner is-error" role="alert">
        This app could not talk to Confluence ({err instanceof Error ? err.message : String(err)}).
        Reload the page to try again.
      </p>,
    );
  }
}

void boot();
