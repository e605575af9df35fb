/**
 * Shared runner for table-driven op tests: each row applies one op (or a batch) to the fixture,
 * checks the effect or the drop, and always checks the input is untouched and that the inverse
 * restores the fixture exactly.
 */
import { expect, it } from 'vitest';
import type { JourneyMap } from '../../../../src/domain/model/schema';
import { apply, applyAll } from '../../../../src/domain/operations/apply';
import type { Op } from '../../../../src/domain/operations/op-types';
import { fixtureMap } from '../model/fixture';

/** One row: an op and what it should do to the fixture (or why it is dropped). */
export type Row = {
  name: string;
  op: Op;
  /** Ops applied first, to set up the case (not undone by the row's inverse check). */
  before?: Op[];
  check?: (map: JourneyMap, base: JourneyMap) => void;
  dropped?: RegExp;
  /** True when the op changes nothing (empty inverse). */
  noop?: boolean;
};

/** Registers one test per row. */
export function runRows(rows: readonly Row[]): void {
  it.each(rows)('$name', (row) => {
    const base = applyAll(fixtureMap(), row.before ?? []).map;
    const frozen = structuredClone(base);
    const result = apply(base, row.op);
    expect(base).toEqual(frozen);
    if (row.dropped) {
      expect(result.dropped?.reason).toMatch(row.dropped);
      expect(result.map).toBe(base);
      expect(result.inverse).toEqual([]);
      return;
    }
    expect(result.dropped).toBeUndefined();
    if (row.noop) {
      expect(result.inverse).toEqual([]);
      expect(result.map).toEqual(base);
    } else {
      expect(result.inverse.length).toBeGreaterThan(0);
    }
    row.check?.(result.map, base);
    const back = applyAll(result.map, result.inverse);
    expect(back.dropped).toEqual([]);
    expect(back.map).toEqual(base);
  });
}

/** Entity by id, failing the test when absent. */
export function get<T extends { id: string }>(list: readonly T[], id: string): T {
  const found = list.find((x) => x.id === id);
  expect(found, `missing ${id}`).toBeDefined();
  return found as T;
}

/** Ids of a list, in order. */
export const ids = (list: readonly { id: string }[]): string[] => list.map((x) => x.id);
