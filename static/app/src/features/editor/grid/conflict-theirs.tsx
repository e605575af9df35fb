/** The top of a card's conflict notice, the same while typing and after saving: who, their text. */
import { useT } from '../../../i18n';

/** "<name> changed this card" and their version of the text. */
export function ConflictTheirs(props: { name: string; theirs: string }) {
  const t = useT();
  return (
    <>
      <p>
        <strong>{props.name}</strong> {t('editor.conflict.changed')}
      </p>
      <ConflictVersion who={t('editor.conflict.theirs')} text={props.theirs} />
    </>
  );
}

/** One version of the text, labelled with whose it is ("(empty)" for none). */
export function ConflictVersion(props: { who: string; text: string }) {
  const t = useT();
  return (
    <p className="version">
      <span className="who">{props.who}</span> {props.text || t('editor.conflict.empty')}
    </p>
  );
}
