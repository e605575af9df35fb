/** Checks that import notes and refusals carry catalogue words in both languages (0050). */
import { expect } from 'vitest';
import type { Message } from '../../src/domain/i18n';
import { render } from '../../src/domain/i18n/message';
import { catalogue, translatorForTest } from './i18n';

const zhCatalogue = catalogue('zh-CN');
const zhT = translatorForTest('zh-CN');
const enT = translatorForTest('en-US');

/** The keys of `message` and of the messages nested in its values. */
function keysOf(message: Message): string[] {
  const nested = Object.values(message.params ?? {}).flatMap((v) =>
    typeof v === 'object' ? keysOf(v) : [],
  );
  return [message.key, ...nested];
}

/**
 * Each item's `said` reads in en-US exactly as its English `message` (en-US unchanged) and in
 * zh-CN as Chinese from the zh-CN catalogue, every placeholder filled.
 */
export function expectSaidInBoth(items: readonly { message: string; said?: Message }[]): void {
  for (const item of items) {
    const said = item.said;
    expect(said, item.message).toBeDefined();
    if (!said) continue;
    expect(render(said, enT)).toBe(item.message);
    for (const key of keysOf(said)) {
      const own = zhCatalogue[key] ?? zhCatalogue[`${key}.other`];
      expect(own, `${key} in zh-CN`).toBeDefined();
    }
    const zh = render(said, zhT);
    expect(zh, item.message).toMatch(/[\u4e00-\u9fff]/);
    expect(zh).not.toMatch(/\{\w+\}/);
  }
}
