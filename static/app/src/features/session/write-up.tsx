/**
 * Generating the session write-up: save what is pending, ask the resolver for a preview (the
 * storage it would write, shown as an inert, readable preview), then create or update the page,
 * show a flag and link to it. Also the "Write-up: <link>, generated <when>" line.
 */
import { useEffect, useRef, useState } from 'react';
import type { WriteUpRef } from '@domain/model/schema';
import { rankPainPoints } from '@domain/ranking/rank-pain-points';
import { formatScore } from '@domain/ranking/pain-point-score';
import { flag } from '../../bridge/client';
import { navigateTo } from '../../bridge/navigation';
import { useEditor, useServices } from '../editor/editor-context';
import { useLocale } from '../../i18n';
import { dateLocale } from '../../i18n/dates';
import { relativeTime } from './relative-date';
import { StorageView } from './storage-view';
import { storageToPreview } from './storage-preview';
import type { PreviewNode } from './storage-preview';
import { waitUntilSaved } from './wait-saved';
import { useT } from '../../i18n';
import { WriteUpWork } from '../editor/work/write-up-work';

/** Site-relative path of a write-up page. */
export function writeUpPath(pageId: string): string {
  return `/wiki/pages/viewpage.action?pageId=${encodeURIComponent(pageId)}`;
}

/** A link that opens a Confluence page in the host window (a plain link would move the iframe). */
export function PageLink(props: { path: string; children: React.ReactNode }) {
  return (
    <a
      href={props.path}
      target="_top"
      onClick={(e) => {
        e.preventDefault();
        void navigateTo(props.path);
      }}
    >
      {props.children}
    </a>
  );
}

/** "Write-up: <link>, generated 5 minutes ago". */
export function WriteUpLine(props: { writeUp: WriteUpRef; now: Date }) {
  const t = useT();
  const locale = useLocale();
  const { writeUp, now } = props;
  return (
    <p className="write-up-line" data-testid="write-up-line">
      {t('session.writeUp.writeUp')}{' '}
      <PageLink path={writeUpPath(writeUp.pageId)}>{writeUp.title}</PageLink>
      {t('session.writeUp.generated')}{' '}
      <time dateTime={writeUp.generatedAt} title={writeUp.generatedAt}>
        {relativeTime(writeUp.generatedAt, now, dateLocale(locale)) ?? t('common.justNow')}
      </time>
    </p>
  );
}

type Phase =
  | { kind: 'idle' }
  | { kind: 'preparing' }
  | { kind: 'preview'; title: string; update: boolean; nodes: PreviewNode[]; unsaved: boolean }
  | { kind: 'writing'; title: string; update: boolean }
  | { kind: 'done'; title: string; pageId: string; created: boolean }
  | { kind: 'error'; message: string };

/** The "Generate write-up" button and its preview / result panel. */
export function WriteUpGenerator() {
  const t = useT();
  const { store, engine, transport, address, announce } = useServices();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const previewHeading = useRef<HTMLHeadingElement>(null);
  const busy = phase.kind === 'preparing' || phase.kind === 'writing';

  useEffect(() => {
    if (phase.kind === 'preview') previewHeading.current?.focus();
  }, [phase.kind]);

  const preview = async () => {
    setPhase({ kind: 'preparing' });
    const saved = await waitUntilSaved({ store, engine });
    const res = await transport.call('writeup/generate', {
      ...address,
      preview: true,
    });
    if (!res.ok) {
      setPhase({ kind: 'error', message: res.error.message });
      return;
    }
    setPhase({
      kind: 'preview',
      title: res.data.title,
      update: Boolean(store.getState().map.writeUp),
      nodes: storageToPreview(res.data.storage ?? ''),
      unsaved: !saved,
    });
    announce(t('session.writeUp.previewReady'));
  };

  /** After work was created or linked in the preview: the same preview again, in place. */
  const refresh = async () => {
    await waitUntilSaved({ store, engine });
    const res = await transport.call('writeup/generate', { ...address, preview: true });
    if (!res.ok) return;
    setPhase((was) =>
      was.kind === 'preview' ? { ...was, nodes: storageToPreview(res.data.storage ?? '') } : was,
    );
  };

  const generate = async (title: string, update: boolean) => {
    setPhase({ kind: 'writing', title, update });
    await waitUntilSaved({ store, engine });
    const res = await transport.call('writeup/generate', {
      ...address,
      mapVersion: store.getState().version,
    });
    if (!res.ok) {
      setPhase({ kind: 'error', message: res.error.message });
      flag({
        id: `writeup-failed-${Date.now()}`,
        title: t('session.writeUp.notGenerated'),
        description: res.error.message,
        type: 'error',
      });
      return;
    }
    const { pageId, title: written, created, version, generatedAt } = res.data;
    // Recorded in the page summary, not as a map edit: show it without waiting for a reload.
    store.dispatch({
      type: 'writeUpRecorded',
      writeUp: { pageId, title: written, version, generatedAt },
    });
    setPhase({ kind: 'done', title: written, pageId, created });
    announce(
      created
        ? t('session.writeUp.createdAnnounce', { title: written })
        : t('session.writeUp.updatedAnnounce', { title: written }),
    );
    flag({
      id: `writeup-${pageId}-${Date.now()}`,
      title: created ? t('session.writeUp.createdFlag') : t('session.writeUp.updatedFlag'),
      description: written,
      type: 'success',
      actions: [
        { text: t('session.writeUp.open'), onClick: () => void navigateTo(writeUpPath(pageId)) },
      ],
    });
  };

  return (
    <>
      <button
        type="button"
        className="primary-button"
        disabled={busy}
        aria-busy={busy}
        onClick={() => void preview()}
      >
        {phase.kind === 'preparing'
          ? t('session.writeUp.preparingPreview')
          : t('session.writeUp.generateWriteUp')}
      </button>
      {phase.kind === 'error' && (
        <div className="banner is-error session-wide" role="alert">
          <p>
            <strong>{t('session.writeUp.theWriteUpCould')}</strong> {phase.message}
          </p>
          <button type="button" onClick={() => void preview()}>
            {t('session.writeUp.tryAgain')}
          </button>
          <button
            type="button"
            className="subtle-button"
            onClick={() => setPhase({ kind: 'idle' })}
          >
            {t('session.writeUp.dismiss')}
          </button>
        </div>
      )}
      {phase.kind === 'done' && (
        <p className="banner is-success session-wide" role="status">
          {phase.created ? t('session.writeUp.createdLine') : t('session.writeUp.updatedLine')}{' '}
          <PageLink path={writeUpPath(phase.pageId)}>{phase.title}</PageLink>
          <button
            type="button"
            className="subtle-button"
            aria-label={t('session.writeUp.dismiss')}
            onClick={() => setPhase({ kind: 'idle' })}
          >
            ×
          </button>
        </p>
      )}
      {(phase.kind === 'preview' || phase.kind === 'writing') && (
        <section
          className="write-up-preview session-wide"
          aria-labelledby="write-up-preview-heading"
          data-testid="write-up-preview"
        >
          <header className="write-up-preview-head">
            <h3 id="write-up-preview-heading" ref={previewHeading} tabIndex={-1}>
              {t('session.writeUp.preview', { title: phase.title })}
            </h3>
            <p className="subtle">
              {phase.update
                ? t('session.writeUp.generatingUpdatesTheExisting')
                : t('session.writeUp.generatingCreatesAChild')}
            </p>
            {phase.kind === 'preview' && phase.unsaved && (
              <p className="banner is-readonly">{t('session.writeUp.someEditsAreNot')}</p>
            )}
            <PreviewSummary />
            <div className="write-up-preview-actions">
              <button
                type="button"
                className="primary-button"
                disabled={phase.kind === 'writing'}
                onClick={() => void generate(phase.title, phase.update)}
              >
                {phase.kind === 'writing'
                  ? phase.update
                    ? t('session.writeUp.updating')
                    : t('session.writeUp.creating')
                  : phase.update
                    ? t('session.writeUp.updateWriteUp')
                    : t('session.writeUp.createWriteUp')}
              </button>
              <button
                type="button"
                disabled={phase.kind === 'writing'}
                onClick={() => setPhase({ kind: 'idle' })}
              >
                {t('session.writeUp.cancel')}
              </button>
            </div>
          </header>
          {phase.kind === 'preview' && <WriteUpWork onChanged={() => void refresh()} />}
          {phase.kind === 'preview' && (
            // Focusable so keyboard users can scroll the preview (it scrolls on its own).
            <div
              className="write-up-preview-body"
              role="region"
              aria-label={t('session.writeUp.writeUpPreviewContent')}
              tabIndex={0}
            >
              <StorageView nodes={phase.nodes} />
            </div>
          )}
        </section>
      )}
    </>
  );
}

/** Counts and the top pain point, from the same ranking the write-up uses. */
function PreviewSummary() {
  const t = useT();
  const map = useEditor((s) => s.map);
  const ranked = rankPainPoints(map);
  const photos = map.session.photos;
  const pinned = photos.filter((p) => p.stepId).length;
  const top = ranked[0];
  return (
    <ul className="write-up-summary">
      <li>{t('session.writeUp.photoCount', { count: photos.length, pinned })}</li>
      <li>
        {t('session.writeUp.rankedCount', { count: ranked.length })}
        {top &&
          t('session.writeUp.top', {
            text: top.text.trim() || t('session.writeUp.emptyCard'),
            score: formatScore(top.score),
          })}
      </li>
      <li>{t('session.writeUp.participantCount', { count: map.session.participants.length })}</li>
    </ul>
  );
}
