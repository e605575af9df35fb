/** Routing: space rules and the team recommendations built from them. */
export * from './routing-rules';
export * from './route-items';
export * from './team-impact';
