/** Templates for new maps. */
export * from './create-from-template';
export * from './template-ids';
export { ALANA_STORY } from './worked-example-template';
