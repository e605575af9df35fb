/**
 * The door of every Rovo action (decision 0033): Forge calls an action's function as
 * `(payload, context)`, `payload` holding the inputs the agent filled in plus `payload.context`
 * (where the conversation happens), `context` the invoking principal. The inputs are the
 * model's guesses: they are parsed like a resolver payload (zod, INVALID_INPUT naming the field)
 * and never authorise anything. Every read runs as the asking person (`asUser()`), so an answer
 * holds only what they can see; nothing is written. Answers are the resolvers' envelope, with
 * site-relative paths turned into links back to the pages.
 */
import type { z } from 'zod';
import type { ConfluenceClient } from '../../confluence/client';
import { userClient } from '../../confluence/client';
import type { Result } from '../contract';
import type { ResolverDeps } from '../deps';
import { defaultDeps } from '../deps';
import { ResolverFailure, guard } from '../result';
import { msg } from '../../domain/i18n/message';

/** Where the conversation happens, as the platform (not the model) says; for defaults only. */
export type RovoWhere = {
  contentId: string | null;
  spaceKey: string | null;
  /** Origin of the site (`https://x.atlassian.net`), when the platform named a URL. */
  origin: string | null;
};

/** What an action's body gets besides its inputs. */
export type RovoCall<I> = {
  input: I;
  client: ConfluenceClient;
  where: RovoWhere;
  /** Today, `YYYY-MM-DD` (UTC). */
  today: string;
};

/** The function shape Forge calls for an action. */
export type RovoHandler = (payload: unknown, context: unknown) => Promise<Result<unknown>>;

function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function text(value: unknown): string | null {
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && value !== '' ? value : null;
}

/** The platform's `payload.context` (Confluence fields), read defensively. */
export function whereFrom(payload: unknown): RovoWhere {
  const confluence = record(record(record(payload).context).confluence);
  const url = text(confluence.url);
  let origin: string | null = null;
  try {
    origin = url ? new URL(url).origin : null;
  } catch {
    origin = null;
  }
  return { contentId: text(confluence.contentId), spaceKey: text(confluence.spaceKey), origin };
}

/** The invoking account: `context.principal.accountId` (or a top-level `accountId`). */
export function accountOf(context: unknown): string | null {
  const c = record(context);
  const principal = record(c.principal);
  return text(principal.accountId) ?? text(c.accountId);
}

/** `path` keys become `url` (absolute when the site is known): links an agent can cite. */
export function withLinks(value: unknown, origin: string | null): unknown {
  if (Array.isArray(value)) return value.map((v) => withLinks(v, origin));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (key === 'path' && typeof v === 'string') out.url = origin ? origin + v : v;
    else out[key] = withLinks(v, origin);
  }
  return out;
}

/** Builds an action's handler: parse the inputs, act as the asker, answer compactly. */
export function rovoAction<S extends z.ZodType>(args: {
  schema: S;
  run: (call: RovoCall<z.output<S>>) => Promise<unknown>;
  deps?: ResolverDeps;
}): RovoHandler {
  const deps = args.deps ?? defaultDeps;
  return async (payload, context) => {
    const where = whereFrom(payload);
    const answer = await guard(async () => {
      const accountId = accountOf(context);
      if (!accountId) {
        throw new ResolverFailure('FORBIDDEN', msg('errors.rovo.logIn'));
      }
      const { context: _platform, ...inputs } = record(payload);
      const input = args.schema.parse(inputs);
      const client = userClient({ sleep: deps.sleep, random: deps.random });
      const today = deps.now().toISOString().slice(0, 10);
      return args.run({ input, client, where, today });
    });
    return answer.ok ? { ok: true, data: withLinks(answer.data, where.origin) } : answer;
  };
}
