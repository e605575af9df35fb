import { describe, expect, it } from 'vitest';
import { decodeMap, encodeMap } from '../../../../src/domain/codec';
import { restore } from '../../../../src/domain/model/restore';
import { createFromTemplate, TEMPLATE_IDS } from '../../../../src/domain/templates';
import { generateMap } from '../../../support/generate-map';

function throughStorage(map: unknown): unknown {
  const encoded = encodeMap(map, { generation: 'r1' });
  const stored = JSON.parse(
    JSON.stringify({ head: encoded.head, chunks: encoded.chunks.map((c) => [c.suffix, c.value]) }),
  ) as { head: unknown; chunks: [string, unknown][] };
  const decoded = decodeMap(stored.head, Object.fromEntries(stored.chunks));
  if (!decoded.ok) throw new Error(decoded.error.message);
  return decoded.value;
}

describe('codec → restore()', { timeout: 60_000 }, () => {
  it.each([0, 25, 300, 5_000])(
    'a generated %i-card map comes back unchanged and unrepaired',
    (cards) => {
      const map = generateMap({ cards, seed: cards + 1 });
      const result = restore(throughStorage(map));
      expect(result.ok && result.repairs).toEqual([]);
      expect(result.ok && result.map).toEqual(map);
    },
  );

  it.each(TEMPLATE_IDS)('the %s template comes back unchanged and unrepaired', (template) => {
    let n = 0;
    const map = createFromTemplate({ template, newId: () => `t${n++}`, today: '2026-11-23' });
    const result = restore(throughStorage(map));
    expect(result.ok && result.repairs).toEqual([]);
    expect(result.ok && result.map).toEqual(map);
  });
});
