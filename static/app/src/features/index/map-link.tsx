/**
 * A link into Confluence from the index: a real href (open in a new tab, copy the address) and,
 * on a plain click, in-product navigation through the bridge.
 */
import type { MouseEvent, ReactNode } from 'react';
import { navigateTo } from '../../bridge/navigation';

/** A site-relative Confluence link (`/wiki/…`). */
export function ConfluenceLink(props: {
  siteUrl: string;
  path: string;
  children: ReactNode;
  className?: string;
  title?: string;
}) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>): void => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
      return;
    event.preventDefault();
    void navigateTo(props.path);
  };
  return (
    <a
      href={`${props.siteUrl}${props.path}`}
      onClick={onClick}
      className={props.className}
      title={props.title}
      target="_top"
    >
      {props.children}
    </a>
  );
}
