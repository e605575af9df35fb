/** Sentiment: the line, its patterns, stage averages and curve geometry. */
export * from './sentiment-patterns';
export * from './sentiment-by-stage';
export * from './curve-points';
