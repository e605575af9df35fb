/** Review cadence: next review dates and freshness. */
export * from './review-dates';
