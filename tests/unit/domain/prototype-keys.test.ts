/**
 * User text that happens to be an Object.prototype key ("constructor", "__proto__", "toString"…)
 * as a stage name, channel id, team, card id, lane name or sheet header: routing, ranking, the
 * write-up, the page summary and the sheet import treat it as any other text (issue 13, item 7).
 */
import { englishT } from '../../support/i18n';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportCsv } from '../../../src/domain/exchange/csv-export';
import { findColumns } from '../../../src/domain/exchange/columns';
import { importSheet } from '../../../src/domain/exchange/sheet-import';
import { createEmptyMap } from '../../../src/domain/model/factories';
import type { JourneyMap } from '../../../src/domain/model/schema';
import { rankOpportunities } from '../../../src/domain/ranking/opportunities';
import { rankPainPoints } from '../../../src/domain/ranking/rank-pain-points';
import type { RoutingRules } from '../../../src/domain/routing';
import { routeItems, routingRulesSchema, stageRuleKey } from '../../../src/domain/routing';
import { summarizePage } from '../../../src/domain/summary/summarize-page';
import { createTemplateBuilder } from '../../../src/domain/templates/template-builder';
import { renderSentimentChart } from '../../../src/domain/write-up/sentiment-chart';
import { renderWriteUp } from '../../../src/domain/write-up/render-write-up';
import type { PreviewNode } from '../../../static/app/src/features/session/storage-preview';
import {
  previewText,
  storageToPreview,
} from '../../../static/app/src/features/session/storage-preview';

/** Names that are keys of every plain object. */
const PROTO_NAMES = [
  '__proto__',
  'constructor',
  'Constructor',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'prototype',
  'isPrototypeOf',
  '__defineGetter__',
] as const;

/** Any text, biased towards prototype keys. */
const arbName: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...PROTO_NAMES) },
  { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 12 }) },
);
/** An id (ids are `[A-Za-z0-9_-]`), biased towards prototype keys. */
const arbId: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...PROTO_NAMES) },
  { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/) },
);
/** Text that is not a trace of an Object.prototype member leaking through a lookup. */
const LEAK = /function |\[object |\[native code\]/;

type Names = { stage: string; channel: string; team: string; cardId: string; laneName: string };

/** A one-step map with a pain point and an opportunity, named by `names`. */
function mapNamed(n: Names): JourneyMap {
  const ids = [`lane-${n.cardId}`, 'l2', 'l3', 'l4', 'l5', 'l6', 'l7', 'l8', 'l9', 'l10'];
  let i = 0;
  const b = createTemplateBuilder({
    title: n.stage,
    newId: () => ids[i++] ?? `x${i}`,
    today: '2026-11-23',
  });
  const stageId = b.stage(n.stage);
  const step = b.step(stageId, n.stage, { channels: [n.channel], sentiment: -1 });
  const pain = b.card('painPoints', step, n.team, {
    painPoint: { impact: 'abandon', votes: 2 },
    channels: [n.channel],
  });
  b.card('opportunities', step, n.team, {
    opportunity: { impact: 2, feasibility: 2, painPointIds: [n.cardId] },
  });
  pain.id = n.cardId;
  b.map.channels.push({ id: n.channel, name: n.channel, initials: 'X' });
  b.map.lanes = b.map.lanes.map((l) => (l.type === 'painPoints' ? { ...l, name: n.laneName } : l));
  b.map.owningTeam = n.team;
  return b.map;
}

const arbNames: fc.Arbitrary<Names> = fc.record({
  stage: arbName,
  channel: arbId,
  team: arbName.filter((t) => t.trim() !== ''),
  cardId: arbId,
  laneName: arbName,
});

describe('Object.prototype keys as user text', () => {
  it('routing: a channel id or stage name that is a prototype key routes like any other', () => {
    fc.assert(
      fc.property(arbNames, fc.boolean(), (n, byChannel) => {
        const map = mapNamed(n);
        const rules: RoutingRules = byChannel
          ? { channels: { [n.channel]: n.team }, stages: {}, lanes: {} }
          : { channels: {}, stages: { [stageRuleKey(n.stage)]: n.team }, lanes: {} };
        const teams = routeItems({ map, rules });
        const routed = teams.find((t) => !t.unassigned);
        expect(routed?.team).toBe(n.team.trim());
        for (const t of teams) {
          for (const item of t.items) {
            expect(typeof item.via).toBe('string');
            expect(item.because).not.toMatch(LEAK);
          }
        }
        // With no rules at all nothing is found on Object.prototype either.
        const none = routeItems({ map, rules: { channels: {}, stages: {}, lanes: {} } });
        expect(none.every((t) => t.unassigned)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('routing rules parse prototype-key names as plain entries', () => {
    fc.assert(
      fc.property(arbId, arbName, (channel, stage) => {
        const parsed = routingRulesSchema.parse({
          channels: { [channel]: 'Team' },
          stages: { [stageRuleKey(stage)]: 'Team' },
        });
        expect(Object.getPrototypeOf(parsed.channels)).toBe(Object.prototype);
        expect(Object.hasOwn(parsed.channels, channel)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('ranking, the write-up and the page summary never leak a prototype member', () => {
    fc.assert(
      fc.property(arbNames, (n) => {
        const map = mapNamed(n);
        const ranked = rankPainPoints(map);
        expect(ranked.map((p) => p.cardId)).toEqual([n.cardId]);
        expect(rankOpportunities(map)[0]?.linkedScore).toBe(ranked[0]?.score);
        const body = renderWriteUp({
          map,
          rules: { channels: { [n.channel]: n.team }, stages: {}, lanes: {} },
          mapPage: { title: n.stage },
          chart: renderSentimentChart(map, englishT),
          today: '2026-11-23',
          generatedAt: '2026-11-23T10:00:00.000Z',
          t: englishT,
        });
        expect(body).not.toMatch(LEAK);
        const summary = summarizePage({ maps: [{ localId: n.cardId, map }], today: '2026-11-23' });
        expect(JSON.stringify(summary)).not.toMatch(LEAK);
        expect(summary.maps[0]?.localId).toBeDefined();
      }),
      { numRuns: 200 },
    );
  });

  it('sheet import: prototype-key headers are ignored, prototype-key values are plain text', () => {
    fc.assert(
      fc.property(arbNames, fc.constantFrom(...PROTO_NAMES), (n, header) => {
        // A blank stage name is its own case (sheet-import.test.ts), not a prototype key.
        fc.pre(n.stage.trim() !== '');
        const lookup = findColumns([header, 'Stage', 'Text']);
        expect(lookup.ok).toBe(true);
        if (lookup.ok) expect(lookup.ignored).toEqual([header]);
        const csv = exportCsv(mapNamed(n));
        let id = 0;
        const base = createEmptyMap({
          title: 'base',
          laneIds: ['a', 'b', 'c', 'd', 'e', 'f', 'g'],
        });
        const imported = importSheet({ text: csv, base, newId: (p) => `${p}-${id++}` });
        expect(imported.ok).toBe(true);
        if (imported.ok) {
          expect(imported.map.stages.map((s) => s.name)).toEqual([n.stage.trim()]);
          expect(JSON.stringify(imported.map)).not.toMatch(LEAK);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('Object.prototype keys in a stored page (write-up preview)', () => {
  it.each(PROTO_NAMES.map((n) => [n.toLowerCase()]))(
    'an element or parameter named %s is plain markup, never a component',
    (name) => {
      const nodes = storageToPreview(
        `<p>a<${name}>b</${name}></p><ac:structured-macro ac:name="${name}"><ac:parameter ac:name="${name}">x</ac:parameter></ac:structured-macro>`,
      );
      const tags: unknown[] = [];
      const walk = (list: readonly PreviewNode[]): void => {
        for (const node of list) {
          if (node.kind === 'element') {
            tags.push(node.tag);
            walk(node.children);
          }
        }
      };
      walk(nodes);
      expect(tags.every((t) => typeof t === 'string')).toBe(true);
      expect(previewText(nodes)).toContain('b');
      expect(previewText(nodes)).not.toMatch(LEAK);
    },
  );
});
