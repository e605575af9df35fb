/**
 * Draws a preview tree (see `storage-preview.ts`) with React elements from a fixed set of tags:
 * text is always text, images are labelled placeholders, lozenges and panels are styled boxes.
 */
import { createElement } from 'react';
import type { ReactNode } from 'react';
import type { PreviewNode } from './storage-preview';

/** The write-up preview. */
export function StorageView(props: { nodes: readonly PreviewNode[] }) {
  return <div className="storage-view">{render(props.nodes)}</div>;
}

function render(nodes: readonly PreviewNode[]): ReactNode[] {
  return nodes.map((n, i) => {
    switch (n.kind) {
      case 'text':
        return n.text;
      case 'element':
        return n.tag === 'br' || n.tag === 'hr'
          ? createElement(n.tag, { key: i })
          : createElement(n.tag, { key: i }, ...render(n.children));
      case 'col':
        return <col key={i} style={n.width === null ? undefined : { width: n.width }} />;
      case 'image':
        return (
          <span key={i} className="preview-image" role="img" aria-label={n.alt || n.fileName}>
            <span aria-hidden="true">🖼</span> {n.alt && n.alt !== n.fileName ? `${n.alt} · ` : ''}
            <code>{n.fileName}</code>
          </span>
        );
      case 'status':
        return (
          <span key={i} className={`preview-status is-${n.colour.replace(/[^a-z]/g, '')}`}>
            {n.title}
          </span>
        );
      case 'panel':
        return (
          <div key={i} className={`preview-panel is-${n.panel.replace(/[^a-z]/g, '')}`}>
            {n.title && <strong>{n.title}</strong>}
            {render(n.children)}
          </div>
        );
      case 'link':
        return (
          <span key={i} className="preview-link">
            {render(n.children)}
          </span>
        );
    }
  });
}
