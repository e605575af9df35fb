/**
 * Ids for new stages, steps, lanes and cards: unique across people editing at once (a random
 * session part) and within a session (a counter); valid for the schema's id pattern.
 */

/** A generator of ids like `card-k3f9x2-17`. */
export function createIdGenerator(random: () => number = Math.random): (prefix: string) => string {
  const session = Math.floor(random() * 36 ** 6)
    .toString(36)
    .padStart(6, '0');
  let counter = 0;
  return (prefix) => `${prefix}-${session}-${(counter++).toString(36)}`;
}
