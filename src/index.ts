/** Entry points named by manifest.yml: the resolver `handler` and the macro's `adfExport`. */
// First: zod must be jitless before any schema is built (see the module).
import './domain/zod-jitless';
export { handler } from './resolvers';
export { adfExport } from './adf';
