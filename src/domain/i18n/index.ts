/** Languages, locales and the translation function of the app (decision 0035). */
export * from './locale';
export * from './translate';
export * from './message';
