/**
 * Largest imported map, as JSON bytes: Forge refuses `invoke` payloads over 500 KB, and the rest
 * of the payload (address, version, envelope) needs a little room. The UI checks it before
 * sending, the resolver again.
 */
export const IMPORT_MAX_BYTES = 480_000;
