/**
 * The rule a value broke, as a catalogue message (decision 0050): zod's own text is English and
 * technical, so a person reads the rule in their language and zod's words go to the log only.
 */
import type { z } from 'zod';
import type { Message } from './message';
import { msg } from './message';

/** What a value should have been, by zod's `expected` name. */
const EXPECTED: Readonly<Record<string, Message>> = {
  string: msg('errors.rule.notText'),
  number: msg('errors.rule.notNumber'),
  int: msg('errors.rule.notWhole'),
  boolean: msg('errors.rule.notYesNo'),
  array: msg('errors.rule.notList'),
  tuple: msg('errors.rule.notList'),
  object: msg('errors.rule.notObject'),
  record: msg('errors.rule.notObject'),
};

/** Sizes zod checks, by the kind of value (`origin`) and whether the bound is the top. */
function sizeRule(origin: string, n: number, top: boolean): Message {
  if (origin === 'string') {
    if (top) return msg('errors.rule.tooLong', { n });
    return n <= 1 ? msg('errors.rule.empty') : msg('errors.rule.tooShort', { n });
  }
  if (origin === 'array' || origin === 'set') {
    return top ? msg('errors.rule.tooMany', { n }) : msg('errors.rule.tooFew', { n });
  }
  return top ? msg('errors.rule.tooHigh', { n }) : msg('errors.rule.tooLow', { n });
}

/** A custom issue's own message, when its `params` carry one (`params: msg('errors.rule…')`). */
function customRule(params: unknown): Message | null {
  if (params === null || typeof params !== 'object') return null;
  const key = (params as { key?: unknown }).key;
  return typeof key === 'string' ? (params as Message) : null;
}

/** The rule `issue` reports, in catalogue words (`undefined`: zod found nothing wrong). */
export function zodRule(issue: z.core.$ZodIssue | undefined): Message {
  switch (issue?.code) {
    case 'invalid_type':
      return EXPECTED[issue.expected] ?? msg('errors.rule.wrongKind');
    case 'too_big':
      return sizeRule(issue.origin, Number(issue.maximum), true);
    case 'too_small':
      return sizeRule(issue.origin, Number(issue.minimum), false);
    case 'invalid_format':
      return msg('errors.rule.badFormat');
    case 'invalid_value':
    case 'invalid_union':
      return msg('errors.rule.notAllowed');
    case 'unrecognized_keys':
      return msg('errors.rule.unknownFields');
    case 'custom':
      return customRule(issue.params) ?? msg('errors.rule.invalid');
    default:
      return msg('errors.rule.invalid');
  }
}
