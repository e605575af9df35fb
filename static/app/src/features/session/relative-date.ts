/** "generated 5 minutes ago": relative instants against an injected now (date-fns). */
import type { Locale } from 'date-fns';
import { formatDistance } from 'date-fns';

/**
 * `instant` relative to `now`, e.g. "5 minutes ago", "in 2 days" (in `locale`, a date-fns
 * locale); the raw text if unparsable; `null` for "just now" (the caller words it).
 */
export function relativeTime(instant: string, now: Date, locale?: Locale): string | null {
  const at = new Date(instant);
  if (Number.isNaN(at.getTime())) return instant;
  // A clock a little behind the server's would say "in less than a minute".
  if (at.getTime() > now.getTime() && at.getTime() - now.getTime() < 60_000) return null;
  return formatDistance(at, now, { addSuffix: true, ...(locale ? { locale } : {}) });
}
