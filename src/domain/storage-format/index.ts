/**
 * The one storage-format toolkit: parse (htmlparser2) into a small typed tree, decode (entities),
 * escape, build (element builder and Confluence building blocks), serialize, and read / copy
 * Forge macros. Pure: used by src/confluence, src/domain, the Custom UI and the dev host alike.
 */
export * from './decode';
export * from './escape';
export * from './markup';
export * from './elements';
export * from './tree';
export * from './parse';
export * from './serialize';
export * from './forge-macro';
