/** The live session: the play's agenda with its countdown, and dot voting. */
export * from './agenda';
export * from './dots';
export * from './vote-authority';
export * from './play-end';
export * from './tally-authority';
export * from './vote-counts';
