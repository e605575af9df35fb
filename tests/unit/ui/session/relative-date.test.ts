import { describe, expect, it } from 'vitest';
import { relativeTime } from '../../../../static/app/src/features/session/relative-date';

const now = new Date('2026-11-23T12:00:00Z');

describe('relativeTime', () => {
  it('reads like formatDistanceToNow, against the injected now', () => {
    expect(relativeTime('2026-11-23T11:59:40Z', now)).toBe('less than a minute ago');
    expect(relativeTime('2026-11-23T11:55:00Z', now)).toBe('5 minutes ago');
    expect(relativeTime('2026-11-21T12:00:00Z', now)).toBe('2 days ago');
    expect(relativeTime('2026-11-23T12:00:00+01:00', now)).toBe('about 1 hour ago');
  });

  it('does not say "in …" for a server clock a few seconds ahead', () => {
    expect(relativeTime('2026-11-23T12:00:20Z', now)).toBe(null);
  });

  it('shows unparsable input as given', () => {
    expect(relativeTime('yesterday', now)).toBe('yesterday');
  });
});
