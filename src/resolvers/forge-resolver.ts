/**
 * `@forge/resolver`'s `Resolver` class, whichever way the module loader hands it over: bundlers
 * give the class, Node's ESM loader the CommonJS module object around it (`default`).
 */
import ResolverImport from '@forge/resolver';

/** The `Resolver` class (`new Resolver().define(key, fn).getDefinitions()`). */
export const Resolver =
  (ResolverImport as unknown as { default?: typeof ResolverImport }).default ?? ResolverImport;
