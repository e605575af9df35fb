/**
 * Registers a header (stage, step or lane) as both a draggable and a drop target of its own
 * kind, with pragmatic drag and drop.
 */
import { combine } from '@atlaskit/pragmatic-drag-and-drop/combine';
import {
  draggable,
  dropTargetForElements,
} from '@atlaskit/pragmatic-drag-and-drop/element/adapter';
import type { RefObject } from 'react';
import { useEffect } from 'react';

/** Data carried by a dragged header. */
export type DragItem = { type: 'stage' | 'step' | 'lane'; id: string };

/** Makes `ref` draggable and a drop target for items of the same type. */
export function useDragItem(
  ref: RefObject<HTMLElement | null>,
  item: DragItem & Record<string, unknown>,
  enabled: boolean,
): void {
  const { type, id } = item;
  const data = JSON.stringify(item);
  useEffect(() => {
    const el = ref.current;
    if (!el || !enabled) return;
    const parsed = JSON.parse(data) as Record<string, unknown>;
    return combine(
      draggable({ element: el, getInitialData: () => ({ ...parsed }) }),
      dropTargetForElements({
        element: el,
        getData: () => ({ ...parsed }),
        canDrop: ({ source }) => source.data.type === type && source.data.id !== id,
        onDragEnter: () => el.classList.add('is-drop-target'),
        onDragLeave: () => el.classList.remove('is-drop-target'),
        onDrop: () => el.classList.remove('is-drop-target'),
      }),
    );
  }, [ref, type, id, data, enabled]);
}
