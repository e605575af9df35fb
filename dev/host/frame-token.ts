/**
 * Frame tokens: what the host tells an iframe about where it is (module, localId, page, space,
 * macro config), signed so the iframe cannot claim to be somewhere else. The viewing user is never
 * part of the token: every request takes it from the shell's cookie.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Where a Forge iframe is rendered. */
export type FrameRef = {
  /** Resource key of the manifest (`main`). */
  resourceKey: string;
  /** Module key (`journey-map`, `journey-maps-index`). */
  moduleKey: string;
  /** The extension instance id (macro localId). */
  localId: string;
  /** The module's `extension` context (type, content, space, config, modal...). */
  extension: Record<string, unknown>;
};

/** Signs and verifies frame tokens with a per-host secret. */
export class FrameTokens {
  private readonly secret: Buffer;

  constructor(secret?: Buffer) {
    this.secret = secret ?? randomBytes(32);
  }

  /** A URL-safe token for `ref`. */
  sign(ref: FrameRef): string {
    const body = Buffer.from(JSON.stringify(ref), 'utf8').toString('base64url');
    return `${body}.${this.mac(body)}`;
  }

  /** The ref of a valid token, or null. */
  verify(token: unknown): FrameRef | null {
    if (typeof token !== 'string' || token.length > 64 * 1024) return null;
    const dot = token.lastIndexOf('.');
    if (dot <= 0) return null;
    const body = token.slice(0, dot);
    const given = Buffer.from(token.slice(dot + 1), 'base64url');
    const expected = Buffer.from(this.mac(body), 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    try {
      const ref = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as FrameRef;
      return typeof ref.moduleKey === 'string' && typeof ref.resourceKey === 'string' ? ref : null;
    } catch {
      return null;
    }
  }

  private mac(body: string): string {
    return createHmac('sha256', this.secret).update(body).digest('base64url');
  }
}
