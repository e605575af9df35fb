/** "generated 5 minutes ago": relative instants against an injected now (date-fns). */
import { formatDistance } from 'date-fns';

/** `instant` relative to `now`, e.g. "5 minutes ago", "in 2 days"; the raw text if unparsable. */
export function relativeTime(instant: string, now: Date): string {
  const at = new Date(instant);
  if (Number.isNaN(at.getTime())) return instant;
  // A clock a little behind the server's would say "in less than a minute".
  if (at.getTime() > now.getTime() && at.getTime() - now.getTime() < 60_000) return 'just now';
  return formatDistance(at, now, { addSuffix: true });
}
