/** The one declaration of the template ids: the contract, the payload schema and the UI derive from it. */

/** Templates a new map can start from, in the order the UI offers them. */
export const TEMPLATE_IDS = ['blank', 'awareness-to-advocacy', 'worked-example'] as const;
/** One of the templates. */
export type TemplateName = (typeof TEMPLATE_IDS)[number];
