// Types for modules this app enters below their package's `exports` (see static/vite.config.ts).

declare module '@atlaskit/tokens/dist/esm/artifacts/themes/*' {
  /** The theme's CSS text. */
  const css: string;
  export default css;
}

declare module '@forge/bridge/out/invoke' {
  export { invoke } from '@forge/bridge';
}

declare module '@forge/bridge/out/fetch' {
  export { requestConfluence } from '@forge/bridge';
}

declare module '@forge/bridge/out/view' {
  export { view } from '@forge/bridge';
}

declare module '@forge/bridge/out/view/getContext' {
  import type { view } from '@forge/bridge';
  export const getContext: typeof view.getContext;
}

declare module '@forge/bridge/out/router' {
  export { router } from '@forge/bridge';
}

declare module '@forge/bridge/out/flag' {
  export { showFlag } from '@forge/bridge';
}

declare module '@forge/bridge/out/events' {
  export { events } from '@forge/bridge';
}

declare module '@forge/bridge/out/modal' {
  export { Modal } from '@forge/bridge';
}

declare module '@forge/bridge/out/i18n' {
  import type { i18n } from '@forge/bridge';
  export const createTranslationFunction: typeof i18n.createTranslationFunction;
}
