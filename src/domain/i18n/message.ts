/**
 * A message by catalogue key with its placeholder values (decision 0047): built where a failure
 * or a label is decided, translated where it is shown (the resolver door in the person's locale,
 * a screen from the key, logs in English). A value may itself be a message (a refusal's reason).
 */
import type { Translate } from './translate';

/** A placeholder's value: text and numbers as they are, a nested message translated too. */
export type MessageParam = string | number | Message;

/** A catalogue key and the values of its `{placeholders}`. */
export type Message = { key: string; params?: Readonly<Record<string, MessageParam>> };

/** The message `key` with `params` (keys literal at the call, so the guardrail sees them). */
export function msg(key: string, params?: Readonly<Record<string, MessageParam>>): Message {
  return params ? { key, params } : { key };
}

/** `message` in `t`'s language, nested messages first. */
export function render(message: Message, t: Translate): string {
  if (!message.params) return t(message.key);
  const vars: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(message.params)) {
    vars[name] = typeof value === 'object' ? render(value, t) : value;
  }
  return t(message.key, vars);
}
