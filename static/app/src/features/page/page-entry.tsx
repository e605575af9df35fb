/**
 * The page-level modules' screen (a lazy chunk): the byline popup or a ••• page action,
 * chosen by the module type and key in the context (decision 0032).
 */
import type { ScreenProps } from '../../app';
import { pageIdOf } from '../../bridge/client';
import { BylinePanel } from './byline-panel';
import type { PageActionKind } from './page-action';
import { PageAction } from './page-action';
import './page.css';
import { useT } from '../../i18n';

/** Module keys of the ••• page actions (manifest `confluence:contentAction`). */
const ACTIONS: Record<string, PageActionKind> = {
  'journey-map-write-up-action': 'writeUp',
  'journey-map-future-action': 'futureState',
};

/** The screen for a byline item or a page action. */
export function PageModuleScreen({ context }: ScreenProps) {
  const t = useT();
  const pageId = pageIdOf(context);
  const today = new Date().toISOString().slice(0, 10);
  const siteUrl = context.siteUrl ?? '';
  if (!pageId) {
    return (
      <p className="banner is-error" role="alert">
        {t('page.unsaved')}
      </p>
    );
  }
  const type = (context.extension as { type?: unknown }).type;
  if (type === 'confluence:contentBylineItem') {
    return <BylinePanel pageId={pageId} siteUrl={siteUrl} today={today} />;
  }
  const kind = Object.hasOwn(ACTIONS, context.moduleKey) ? ACTIONS[context.moduleKey] : undefined;
  if (kind) return <PageAction kind={kind} pageId={pageId} siteUrl={siteUrl} today={today} />;
  return (
    <p className="banner is-error" role="alert">
      {t('app.noScreen', { module: context.moduleKey })}
    </p>
  );
}
