/** Fixed identifiers of the local installation (one site, one environment). */

/** The cloud id of the emulated site. */
export const LOCAL_CLOUD_ID = 'local';
/** The installation context ARI Forge passes to every function of this site. */
export const LOCAL_INSTALL_CONTEXT = `ari:cloud:confluence::site/${LOCAL_CLOUD_ID}`;
/** Base URL the emulator's Request objects are built on (never resolved over the network). */
export const EMULATOR_ORIGIN = 'http://confluence.local';
