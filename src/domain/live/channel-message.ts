/**
 * Realtime payloads arrive as a JSON string (a backend publish) or an object (a browser publish),
 * and are untrusted either way: one reader for every channel's messages.
 */

/** The message's fields when `payload` is an object (or JSON for one) whose `kind` is `kind`. */
export function channelMessage(payload: unknown, kind: string): Record<string, unknown> | null {
  let value = payload;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      return null;
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const record = value as Record<string, unknown>;
  return record.kind === kind ? record : null;
}
