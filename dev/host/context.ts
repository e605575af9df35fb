/** The Forge `getContext()` value of a frame, also passed to resolvers as `context`. */
import { LOCAL_CLOUD_ID } from '../forge-runtime/constants';
import type { FrameRef } from './frame-token';
import type { Viewer } from './viewer';

/** Environment id reported to the app (matches the local runtime's appContext). */
export const LOCAL_ENVIRONMENT_ID = 'local-environment';

/** Builds the full context of a frame for a viewer. */
export function buildContext(args: {
  ref: FrameRef;
  viewer: Viewer;
  siteUrl: string;
}): Record<string, unknown> {
  const { ref, viewer } = args;
  return {
    ...(viewer.accountId ? { accountId: viewer.accountId } : {}),
    cloudId: LOCAL_CLOUD_ID,
    localId: ref.localId,
    moduleKey: ref.moduleKey,
    siteUrl: args.siteUrl,
    locale: viewer.locale,
    timezone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
    theme: {
      colorMode: viewer.colorMode,
      dark: 'dark',
      light: 'light',
      spacing: 'spacing',
      typography: 'typography',
      shape: 'shape',
    },
    environmentId: LOCAL_ENVIRONMENT_ID,
    environmentType: 'DEVELOPMENT',
    extension: ref.extension,
  };
}
