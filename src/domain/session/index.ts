/** The live session: the play's agenda with its countdown, and dot voting. */
export * from './agenda';
export * from './dots';
export * from './vote-authority';
