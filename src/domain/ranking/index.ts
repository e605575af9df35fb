/** Ranking: pain-point impact scores, opportunity priorities, evidence share, journey order. */
export * from './journey-order';
export * from './pain-point-score';
export * from './rank-pain-points';
export * from './opportunities';
export * from './validated-share';
