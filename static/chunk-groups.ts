import type { Rolldown } from 'vite';

type CodeSplitting = Exclude<NonNullable<Rolldown.OutputOptions['codeSplitting']>, boolean>;

/**
 * How the UI's code is cut into files (decision 0057). Every module the main entry imports
 * statically goes into the entry's own file (rolldown would otherwise cut the modules it shares
 * with lazy screens into a dozen small common files, each one more request before the first
 * card); the token themes the first paint needs share one file, preloaded by index.html.
 */
export const CHUNK_GROUPS: CodeSplitting = {
  groups: [
    { name: 'index', tags: ['$initial'], priority: 20 },
    { name: 'theme', test: /atlassian-(light|spacing|typography|shape)\.js$/, priority: 10 },
  ],
};
