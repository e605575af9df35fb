/** Templates for new maps. */
export * from './create-from-template';
export { ALANA_STORY } from './worked-example-template';
