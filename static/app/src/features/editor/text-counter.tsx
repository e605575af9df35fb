/** The counter beside a field near or past its limit (text-limit.ts); an alert once past it. */
import { useT } from '../../i18n';
import type { LimitState } from './text-limit';

/** Says `n` of `limit` characters, or how many too many (nothing is ever cut). */
export function TextCounter(props: { id: string; n: number; limit: number; state: LimitState }) {
  const t = useT();
  const counts = { n: props.n, limit: props.limit, over: props.state.over };
  return (
    <span
      id={props.id}
      className={`text-counter${counts.over ? ' is-over' : ''}`}
      role={counts.over ? 'alert' : undefined}
    >
      {counts.over ? t('editor.limit.over', counts) : t('editor.limit.count', counts)}
    </span>
  );
}
