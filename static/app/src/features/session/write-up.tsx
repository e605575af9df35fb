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
import { relativeTime } from './relative-date';
import { StorageView } from './storage-view';
import { storageToPreview } from './storage-preview';
import type { PreviewNode } from './storage-preview';
import { waitUntilSaved } from './wait-saved';

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
  const { writeUp, now } = props;
  return (
    <p className="write-up-line" data-testid="write-up-line">
      Write-up: <PageLink path={writeUpPath(writeUp.pageId)}>{writeUp.title}</PageLink>, generated{' '}
      <time dateTime={writeUp.generatedAt} title={writeUp.generatedAt}>
        {relativeTime(writeUp.generatedAt, now)}
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
    const res = await transport.call('writeup/generate', { ...address, preview: true });
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
    announce('Write-up preview ready.');
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
        title: 'The write-up was not generated',
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
    announce(`Write-up ${created ? 'created' : 'updated'}: ${written}.`);
    flag({
      id: `writeup-${pageId}-${Date.now()}`,
      title: created ? 'Write-up created' : 'Write-up updated',
      description: written,
      type: 'success',
      actions: [{ text: 'Open write-up', onClick: () => void navigateTo(writeUpPath(pageId)) }],
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
        {phase.kind === 'preparing' ? 'Preparing preview…' : 'Generate write-up'}
      </button>
      {phase.kind === 'error' && (
        <div className="banner is-error session-wide" role="alert">
          <p>
            <strong>The write-up could not be generated.</strong> {phase.message}
          </p>
          <button type="button" onClick={() => void preview()}>
            Try again
          </button>
          <button
            type="button"
            className="subtle-button"
            onClick={() => setPhase({ kind: 'idle' })}
          >
            Dismiss
          </button>
        </div>
      )}
      {phase.kind === 'done' && (
        <p className="banner is-success session-wide" role="status">
          Write-up {phase.created ? 'created' : 'updated'}:{' '}
          <PageLink path={writeUpPath(phase.pageId)}>{phase.title}</PageLink>
          <button
            type="button"
            className="subtle-button"
            aria-label="Dismiss"
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
              Preview: {phase.title}
            </h3>
            <p className="subtle">
              {phase.update
                ? 'Generating updates the existing write-up page with what is shown below.'
                : 'Generating creates a child page of this page with what is shown below.'}
            </p>
            {phase.kind === 'preview' && phase.unsaved && (
              <p className="banner is-readonly">
                Some edits are not saved yet; the write-up shows the map as last saved.
              </p>
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
                    ? 'Updating…'
                    : 'Creating…'
                  : phase.update
                    ? 'Update write-up'
                    : 'Create write-up'}
              </button>
              <button
                type="button"
                disabled={phase.kind === 'writing'}
                onClick={() => setPhase({ kind: 'idle' })}
              >
                Cancel
              </button>
            </div>
          </header>
          {phase.kind === 'preview' && (
            // Focusable so keyboard users can scroll the preview (it scrolls on its own).
            <div
              className="write-up-preview-body"
              role="region"
              aria-label="Write-up preview content"
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
  const map = useEditor((s) => s.map);
  const ranked = rankPainPoints(map);
  const photos = map.session.photos;
  const pinned = photos.filter((p) => p.stepId).length;
  const top = ranked[0];
  return (
    <ul className="write-up-summary">
      <li>
        {photos.length} {photos.length === 1 ? 'photo' : 'photos'} ({pinned} pinned to a step)
      </li>
      <li>
        {ranked.length} {ranked.length === 1 ? 'pain point' : 'pain points'} ranked by impact
        {top && (
          <>
            ; top: “{top.text.trim() || 'empty card'}” (score {formatScore(top.score)})
          </>
        )}
      </li>
      <li>{map.session.participants.length} participants</li>
    </ul>
  );
}
