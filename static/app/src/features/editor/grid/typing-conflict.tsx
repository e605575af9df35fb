/**
 * At a card whose text changed while this person was typing in it: who changed it (the account
 * of the last remote save of the card, live or caught up: decision 0045), their text, and one
 * click to keep mine, take theirs, or keep both in the open editor.
 */
import type { Card } from '@domain/model/schema';
import { useT } from '../../../i18n';
import { usePersonName } from '../../play/use-person-name';
import { useEditor } from '../editor-context';
import { ConflictTheirs } from './conflict-theirs';

/** Props of {@link TypingConflict}. */
export type TypingConflictProps = {
  card: Card;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
  onKeepBoth: () => void;
};

/** mousedown keeps the focus (and the draft) in the text box. */
const keepFocus = (e: React.MouseEvent) => e.preventDefault();

/**
 * The click must not reach the card either: the card focuses itself on click, which would blur
 * (and so commit and close) the text box the choice was meant for.
 */
const only = (act: () => void) => (e: React.MouseEvent) => {
  e.stopPropagation();
  act();
};

/** One choice: the focus (and the draft) stay in the text box. */
function Choice({ label, act }: { label: string; act: () => void }) {
  return (
    <button type="button" className="link-button" onMouseDown={keepFocus} onClick={only(act)}>
      {label}
    </button>
  );
}

/** "Eddie changed this while you were typing." with both choices. */
export function TypingConflict({
  card,
  onKeepMine,
  onTakeTheirs,
  onKeepBoth,
}: TypingConflictProps) {
  const t = useT();
  const author = useEditor((s) => s.remoteAuthors[card.id] ?? null);
  const name = usePersonName(author) ?? t('editor.presence.someone');
  return (
    <div className="card-conflict" role="alert">
      <ConflictTheirs name={name} theirs={card.text} />
      <div className="actions">
        <Choice label={t('editor.conflict.keepMine')} act={onKeepMine} />
        <Choice label={t('editor.conflict.takeTheirs')} act={onTakeTheirs} />
        <Choice label={t('editor.conflict.keepBoth')} act={onKeepBoth} />
      </div>
    </div>
  );
}
