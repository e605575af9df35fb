import { describe, expect, it } from 'vitest';
import {
  chunkPropertyKey,
  chunkSuffix,
  isChunkKeyOf,
  mapPropertyKey,
  parseChunkKey,
  PROPERTY_KEY_MAX_LENGTH,
  sanitizeLocalId,
} from '../../../../src/domain/codec';

describe('property keys', () => {
  it('names the head and chunks as the brief fixes them', () => {
    const localId = '8d2f6b1e-3c4a-4f5b-9e7d-0a1b2c3d4e5f';
    expect(mapPropertyKey(localId)).toBe(
      'com_journeymaps_map_8d2f6b1e_3c4a_4f5b_9e7d_0a1b2c3d4e5f',
    );
    expect(chunkPropertyKey(localId, 3, 'g7')).toBe(
      'com_journeymaps_map_8d2f6b1e_3c4a_4f5b_9e7d_0a1b2c3d4e5f_c3_g7',
    );
    expect(chunkPropertyKey(localId, 0, 'ab')).toBe(mapPropertyKey(localId) + chunkSuffix(0, 'ab'));
  });

  it.each([
    ['plain', 'abc_123', 'abc_123'],
    ['dashes', 'a-b-c', 'a_b_c'],
    ['dots and spaces', 'a.b c', 'a_b_c'],
    ['unicode', 'día🎉', 'd_a__'],
    ['empty', '', '_'],
  ])('sanitises localIds to [A-Za-z0-9_] (%s)', (_name, input, expected) => {
    expect(sanitizeLocalId(input)).toBe(expected);
    expect(mapPropertyKey(input)).toMatch(/^[A-Za-z0-9_]+$/);
  });

  it('keeps keys within 255 characters for very long ids and generations', () => {
    const longId = 'x'.repeat(600);
    const key = chunkPropertyKey(longId, 999_999, 'G'.repeat(100));
    expect(key.length).toBeLessThanOrEqual(PROPERTY_KEY_MAX_LENGTH);
    expect(key).toMatch(/^[A-Za-z0-9_]+$/);
    // Different long ids with the same prefix stay distinct.
    expect(mapPropertyKey(longId)).not.toBe(mapPropertyKey(`${'x'.repeat(599)}y`));
  });

  it('strips generation tokens to alphanumerics', () => {
    expect(chunkSuffix(2, 'a1-b2_c3')).toBe('_c2_a1b2c3');
    expect(chunkSuffix(0, '---')).toBe('_c0_0');
  });

  it('recognises chunk keys of a map and nothing else', () => {
    const id = 'abc-1';
    expect(isChunkKeyOf(id, 'com_journeymaps_map_abc_1_c0_g1')).toBe(true);
    expect(isChunkKeyOf(id, 'com_journeymaps_map_abc_1_c12_XyZ9')).toBe(true);
    expect(parseChunkKey(id, 'com_journeymaps_map_abc_1_c12_XyZ9')).toEqual({
      index: 12,
      generation: 'XyZ9',
      suffix: '_c12_XyZ9',
    });
    for (const key of [
      'com_journeymaps_map_abc_1', // the head itself
      'com_journeymaps_map_abc_2_c0_g1', // another map
      'com_journeymaps_map_abc_1_c_g1', // no index
      'com_journeymaps_map_abc_1_c01_g1', // leading zero
      'com_journeymaps_map_abc_1_c0_', // no generation
      'com_journeymaps_map_abc_1_c0_g-1', // bad generation
      'com_journeymaps_summary',
      'cjm_map_abc_1_c0_g1', // a legacy chunk is not a current chunk
      'xcom_journeymaps_map_abc_1_c0_g1',
    ]) {
      expect(isChunkKeyOf(id, key), key).toBe(false);
    }
  });
});
