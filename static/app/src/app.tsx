/**
 * Picks the screen for the module key. Screens other than the macro are separate chunks,
 * found with `import.meta.glob` so a screen another feature adds is picked up when it exists.
 */
import type { ComponentType } from 'react';
import { Suspense, lazy, useMemo } from 'react';
import type { HostContext } from './bridge/client';
import { bridgeTransport, pageIdOf } from './bridge/client';
import { focusRequestOf } from './bridge/focus-request';
import { MacroScreen } from './features/editor/macro-screen';
import { useT } from './i18n';

/** Props every lazily loaded screen receives. */
export type ScreenProps = { context: HostContext };

/** Extension types of the page-level modules (byline item, ••• page actions). */
const PAGE_MODULE_TYPES = new Set(['confluence:contentBylineItem', 'confluence:contentAction']);

const PageModuleScreen = lazy(() =>
  import('./features/page/page-entry').then((m) => ({ default: m.PageModuleScreen })),
);

const indexModules = import.meta.glob<{ IndexScreen: ComponentType<ScreenProps> }>(
  './features/index/index-screen.tsx',
);

/** The screen for this module. */
export function App({ context }: { context: HostContext }) {
  const t = useT();
  const pageId = pageIdOf(context);
  const address = useMemo(
    () => (pageId ? { pageId, localId: context.localId } : null),
    [pageId, context.localId],
  );
  // A modal opened with the focus flag shows that macro's map full-screen (decision 0026).
  const focus = useMemo(() => focusRequestOf(context), [context]);
  const focusAddress = useMemo(
    () => (focus ? { pageId: focus.pageId, localId: focus.localId } : null),
    [focus],
  );

  if (focus && focusAddress) {
    return (
      <MacroScreen
        address={focusAddress}
        transport={bridgeTransport}
        view="focus"
        startAt={focus.place ?? null}
      />
    );
  }
  if (context.moduleKey === 'journey-map') {
    if (!address) {
      return (
        <p className="banner is-error" role="alert">
          {t('app.unsavedPage')}
        </p>
      );
    }
    return <MacroScreen address={address} transport={bridgeTransport} />;
  }
  if (PAGE_MODULE_TYPES.has(String((context.extension as { type?: unknown }).type))) {
    return (
      <Suspense fallback={<p role="status">{t('common.loading')}</p>}>
        <PageModuleScreen context={context} />
      </Suspense>
    );
  }
  if (context.moduleKey === 'journey-maps-index' && IndexScreen) {
    return (
      <Suspense fallback={<p role="status">{t('common.loading')}</p>}>
        <IndexScreen context={context} />
      </Suspense>
    );
  }
  return (
    <p className="banner is-error" role="alert">
      {t('app.noScreen', { module: context.moduleKey })}
    </p>
  );
}

// Created once at module load: a component made during render would remount on each render.
const indexLoader = indexModules['./features/index/index-screen.tsx'];
const IndexScreen = indexLoader
  ? lazy(() => indexLoader().then((m) => ({ default: m.IndexScreen })))
  : undefined;
