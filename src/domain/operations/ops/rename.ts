/**
 * The one rename op shape that stages, steps and lanes share: `<kind>/rename` sets a short text
 * name (empty when not text) and is undone by renaming back.
 */
import { z } from 'zod';

import { SHORT_TEXT_MAX } from '../../model/schema';
import type { OpDefinition } from '../define-op';
import { defineOp } from '../define-op';
import type { ApplyResult } from '../helpers';
import { textOf, withEntity } from '../helpers';
import { opId } from '../op-fields';

/** The rename op types. */
type RenameType = 'stage/rename' | 'step/rename' | 'lane/rename';

const renameFields = { id: opId, name: z.string() };

/** Defines `type`, which renames the item of `map[key]` named by `id` (`what` names it in drops). */
export function defineRename<const T extends RenameType>(args: {
  type: T;
  key: 'stages' | 'steps' | 'lanes';
  what: string;
}): OpDefinition<T, typeof renameFields> {
  const { type, key, what } = args;
  return defineOp({
    type,
    fields: renameFields,
    apply: (map, op): ApplyResult =>
      withEntity(map, { key, id: op.id, what }, (item, _at, update) =>
        update(
          { name: textOf(op.name, SHORT_TEXT_MAX) ?? '' },
          { type, id: item.id, name: item.name },
        ),
      ),
  });
}
