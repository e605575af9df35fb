/** Entry points named by manifest.yml: the resolver `handler` and the macro's `adfExport`. */
export { handler } from './resolvers';
export { adfExport } from './adf';
