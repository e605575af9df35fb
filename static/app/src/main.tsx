/**
 * Entry of the Custom UI resource `main`: reads the host context, turns on theming and picks
 * the screen by module key ('journey-map' → the macro, 'journey-maps-index' → the index), in the
 * person's language (the context's locale, loaded through Forge's i18n before the first paint).
 */
// First: zod must be jitless before any schema is built (see the module).
import '../../../src/domain/zod-jitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { bridgeTransport, enableTheming } from './bridge/client';
import { earlyStart, earlyTheme } from './bridge/early-start';
import { App } from './app';
import { loadDomainOps, macroAddressOf, startEarlyLoad } from './features/editor/early-load';
import {
  FirstPaintGrid,
  whenFirstCardPainted,
} from './features/editor/first-paint/first-paint-grid';
import { focusRequestOf } from './bridge/focus-request';
import { preloadTranslations } from './bridge/i18n';
import { I18nProvider, loadI18n, setFallbackI18n } from './i18n';
import { setUpTheme } from './theme';
import './styles/base.css';
import './styles/editor.css';
import './styles/live.css';

async function boot(): Promise<void> {
  preloadTranslations();
  const root = createRoot(document.getElementById('root') as HTMLElement);
  try {
    // Started by the inline boot script when it ran (bridge/early-calls.ts, decision 0057).
    const context = await earlyStart();
    // Before the language and React: the first card waits on these (early-load.ts).
    const early = startEarlyLoad(context, bridgeTransport);
    const themed = earlyTheme(context.theme);
    let appShown = false;
    // The page view's first card comes from the map alone, read-only, while the editor's
    // language and code still load (first-paint-grid.tsx); the editor replaces it.
    const pageView =
      context.moduleKey === 'journey-map' &&
      !focusRequestOf(context) &&
      macroAddressOf(context) !== null;
    if (pageView) {
      void Promise.all([early, themed]).then(([first]) => {
        if (!first || appShown) return;
        root.render(
          <main className="macro view-page">
            <FirstPaintGrid
              map={first.map}
              canEdit={first.canEdit}
              width={document.documentElement.clientWidth}
              height={window.innerHeight}
            />
          </main>,
        );
        // The editor's operations load once the first card is on screen, not before it.
        void whenFirstCardPainted().then(() => loadDomainOps().catch(() => undefined));
      });
    }
    const [i18n] = await Promise.all([loadI18n(context.locale), enableTheming(), themed]);
    appShown = true;
    // Messages built outside React (bridge, file checks) read the same language.
    setFallbackI18n(i18n);
    root.render(
      <StrictMode>
        <I18nProvider value={i18n}>
          <App context={context} />
        </I18nProvider>
      </StrictMode>,
    );
  } catch (err) {
    void setUpTheme(null);
    const { t } = await loadI18n(null);
    root.render(
      <p className="banner is-error" role="alert">
        {t('app.unreachable', { reason: err instanceof Error ? err.message : String(err) })}
      </p>,
    );
  }
}

void boot();
