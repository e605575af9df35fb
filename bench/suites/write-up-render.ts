/**
 * The pure write-up renderer (budget: docs/PERFORMANCE.md): the sentiment chart (PNG) plus the storage-format
 * body, timed in-process at each size with the space's routing rules in place.
 */
import { englishT } from '../../tests/support/i18n';
import { generateMap } from '../../tests/support/generate-map';
import type { RoutingRules } from '../../src/domain/routing/routing-rules';
import { renderSentimentChart } from '../../src/domain/write-up/sentiment-chart';
import { renderWriteUp } from '../../src/domain/write-up/render-write-up';
import type { Row } from '../lib/rows';
import { notMeasured, reasonOf } from '../lib/rows';
import { formatMs, timeRuns } from '../lib/stats';

const WHAT = 'write-up rendering (chart + storage body)';

const RULES: RoutingRules = {
  channels: {},
  stages: { trial: 'Growth', purchase: 'Billing', onboarding: 'Identity' },
  lanes: { painPoints: 'Support', backstage: 'Docs' },
};

/** Times the renderer at each size (budget judged at 1,000 cards; other sizes show growth). */
export async function writeUpRenderRows(args: {
  sizes: readonly number[];
  seed: number;
  runs: number;
  log: (m: string) => void;
}): Promise<Row[]> {
  const rows: Row[] = [];
  for (const cards of args.sizes) {
    args.log(`write-up rendering: ${cards} cards`);
    const judged = cards === 1000;
    const variant = `${cards.toLocaleString('en')} cards`;
    const budget = judged ? '≤ 200 ms' : '(≤ 200 ms at 1,000)';
    try {
      const map = generateMap({ cards, seed: args.seed });
      let bytes = 0;
      const s = await timeRuns({
        runs: args.runs,
        warmup: 1,
        fn: () => {
          const chart = renderSentimentChart(map, englishT);
          const storage = renderWriteUp({
            map,
            rules: RULES,
            mapPage: { title: 'Trial to purchase journey' },
            chart,
            today: '2026-11-23',
            generatedAt: '2026-11-23T10:00:00.000Z',
            t: englishT,
          });
          bytes = storage.length;
        },
      });
      rows.push({
        what: WHAT,
        variant,
        budget,
        measured: `${formatMs(s)}, ${s.runs} runs, body ${(bytes / 1024).toFixed(0)} KB`,
        verdict: judged ? (s.median <= 200 ? 'pass' : 'fail') : 'info',
        data: { ...s, storageChars: bytes },
      });
    } catch (error) {
      rows.push(notMeasured({ what: WHAT, variant, budget, reason: reasonOf(error) }));
    }
  }
  return rows;
}
