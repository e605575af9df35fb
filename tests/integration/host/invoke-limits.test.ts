/**
 * The local host's `invoke` holds payloads and answers to Forge's documented front-end limits
 * (https://developer.atlassian.com/platform/forge/limits-invocation: request payload 500KB,
 * response payload 5MB), counted in UTF-8 bytes as they cross the wire, not in UTF-16 code
 * units: a payload of Chinese text is three bytes a character (decision 0053).
 */
import { describe, expect, it } from 'vitest';
import type { ResolverHandler } from '../../../dev/forge-runtime';
import { INVOKE_REQUEST_MAX_BYTES, INVOKE_RESPONSE_MAX_BYTES, invoke } from '../../../dev/host/rpc';
import type { Viewer } from '../../../dev/host/viewer';

const viewer: Viewer = {
  accountId: 'acc-editor',
  displayName: 'Eddie Editor',
  colorMode: 'light',
  locale: 'en-US',
};

/** Chinese text of `bytes` UTF-8 bytes (3 a character). */
const chinese = (bytes: number) => '旅'.repeat(Math.floor(bytes / 3));

/** A resolver handler that answers `answerBytes` of Chinese text, or its payload's size. */
const echo: ResolverHandler = (event) => {
  const payload = event.call.payload as { answerBytes?: number; text?: string };
  if (payload.answerBytes) return Promise.resolve(chinese(payload.answerBytes));
  return Promise.resolve({ chars: payload.text?.length ?? 0 });
};

const call = (payload: unknown) =>
  invoke(
    { functionKey: 'echo', payload },
    {},
    { loadHandler: () => Promise.resolve(echo), viewer },
  );

describe('host invoke: Forge front-end payload limits in bytes', () => {
  it('states the documented limits (500 KB request, 5 MB response)', () => {
    expect(INVOKE_REQUEST_MAX_BYTES).toBe(500_000);
    expect(INVOKE_RESPONSE_MAX_BYTES).toBe(5_000_000);
  });

  it('passes a payload just under 500 KB of UTF-8', async () => {
    const text = chinese(INVOKE_REQUEST_MAX_BYTES - 1_000);
    await expect(call({ text })).resolves.toEqual({ chars: text.length });
  });

  it('refuses a payload over 500 KB of UTF-8 even when it is fewer than 500 K characters', async () => {
    // ~200 K characters, ~600 KB on the wire.
    const text = chinese(600_000);
    expect(text.length).toBeLessThan(INVOKE_REQUEST_MAX_BYTES);
    await expect(call({ text })).rejects.toThrow(/larger than Forge allows \(500 KB\)/);
  });

  it('refuses an answer over 5 MB of UTF-8 even when it is fewer than 5 M characters', async () => {
    expect(chinese(5_400_000).length).toBeLessThan(INVOKE_RESPONSE_MAX_BYTES);
    await expect(call({ answerBytes: 5_400_000 })).rejects.toThrow(
      /larger than Forge allows \(5 MB\)/,
    );
  });
});
