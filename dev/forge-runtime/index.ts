/**
 * Local stand-in for the hosted Forge Node runtime: provides `__forge_fetch__` and
 * `__forge_runtime__` so the REAL `@forge/api` and `@forge/resolver` run unmodified against the
 * in-process Confluence emulator. Used by integration tests and by the local Forge host.
 */
export { installForgeRuntime, scopeRefusal } from './install';
export { REST_SCOPES, scopeRowFor, missingScopes } from './rest-scopes';
export type { ScopeRow, ScopeSource } from './rest-scopes';
export { manifestScopes } from './manifest-scopes';
export type {
  ForgeRuntimeHandle,
  ForgeCall,
  InstallOptions,
  EmulatorLike,
  ProxyErrorFault,
  RealtimeService,
} from './install';
export {
  invokeResolver,
  invokeFunction,
  currentAccountId,
  runAs,
  FUNCTION_TIMEOUT_MS,
  ACTION_TIMEOUT_MS,
  INVOCATION_PAYLOAD_MAX_BYTES,
} from './invoke';
export type { InvokeResolverArgs, InvokeFunctionArgs, ResolverHandler } from './invoke';
export { LOCAL_INSTALL_CONTEXT, LOCAL_CLOUD_ID } from './constants';
