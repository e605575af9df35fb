/**
 * A destructive button that asks inline before acting. Forge sandboxes Custom UI frames without
 * `allow-modals`, so `window.confirm` cannot be used there (it returns false at once).
 */
import { useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n';

/** Props of a confirm button. */
export type ConfirmButtonProps = {
  label: string;
  /** The question; null acts at once (nothing worth confirming). */
  question: string | null;
  confirmLabel: string;
  onConfirm: () => void;
  className?: string;
};

/** A button that, when `question` is set, shows it with confirm / cancel before acting. */
export function ConfirmButton(props: ConfirmButtonProps) {
  const t = useT();
  const [asking, setAsking] = useState(false);
  const confirm = useRef<HTMLButtonElement>(null);
  // The question appears because the user pressed the button: focus follows to its answer.
  useEffect(() => {
    if (asking) confirm.current?.focus();
  }, [asking]);
  if (!asking) {
    return (
      <button
        type="button"
        className={props.className}
        onClick={() => (props.question ? setAsking(true) : props.onConfirm())}
      >
        {props.label}
      </button>
    );
  }
  return (
    <span className="confirm" role="group" aria-label={props.question ?? props.label}>
      <span>{props.question}</span>{' '}
      <button
        type="button"
        className="danger-button"
        ref={confirm}
        onClick={() => {
          setAsking(false);
          props.onConfirm();
        }}
      >
        {props.confirmLabel}
      </button>{' '}
      <button type="button" onClick={() => setAsking(false)}>
        {t('editor.confirm.cancel')}
      </button>
    </span>
  );
}
