/**
 * `restore()` for the journey grid: channels, stages, lanes, steps and cards. Order matters:
 * each collection is read after the ones it references, so dangling references can be dropped
 * (cards, steps) or cleared (paths, channels, links) as they are met.
 */
import { DEFAULT_CHANNELS, LANE_TYPE_INFO } from './factories';
import type { Reader } from './restore-reader';
import { describe, join } from './restore-reader';
import { cleanText, freshId, isRecord, own, sanitizeId } from './restore-values';
import type { Message } from '../i18n/message';
import { msg } from '../i18n/message';
import type { BranchPath, Card, Channel, Lane, Stage, Step } from './schema';
import {
  CARD_TEXT_MAX,
  cardKinds,
  evidenceSources,
  evidenceStatuses,
  impacts,
  laneTypes,
  moments,
  SHORT_TEXT_MAX,
  stepKinds,
  zones,
} from './schema';

/** Sanitised ids of every record in `list`, so renamed duplicates never take a later id. */
function rawIds(list: readonly unknown[]): Set<string> {
  const ids = new Set<string>();
  for (const item of list) {
    if (!isRecord(item)) continue;
    const id = sanitizeId(own(item, 'id'));
    if (id !== null) ids.add(id);
  }
  return ids;
}

/** "was not a <noun>; removed", per collection (keys literal so the guardrail sees them). */
const NOT_A: Readonly<Record<'channel' | 'stage' | 'lane' | 'step' | 'card', Message>> = {
  channel: msg('exchange.repair.notChannel'),
  stage: msg('exchange.repair.notStage'),
  lane: msg('exchange.repair.notLane'),
  step: msg('exchange.repair.notStep'),
  card: msg('exchange.repair.notCard'),
};

/**
 * Reads the collection of `noun`s (at path `<noun>s`): non-records are dropped, ids fixed,
 * duplicates dropped or renamed; `read` makes each record an entity (or null to drop it).
 */
function readEach<T>(
  r: Reader,
  of: {
    list: readonly unknown[];
    noun: 'channel' | 'stage' | 'lane' | 'step' | 'card';
    duplicates: 'drop' | 'rename';
  },
  read: (rec: Record<string, unknown>, id: string, path: string) => T | null,
): T[] {
  const { list, noun } = of;
  const path = `${noun}s`;
  const taken = rawIds(list);
  const seen = new Set<string>();
  const out: T[] = [];
  list.forEach((item, i) => {
    const p = `${path}[${i}]`;
    if (!isRecord(item)) {
      r.repair(p, `was not a ${noun}; removed`, NOT_A[noun]);
      return;
    }
    let id = r.id(item, p, freshId(`${noun}-restored`, taken));
    if (seen.has(id)) {
      if (of.duplicates === 'drop') {
        r.repair(
          join(p, 'id'),
          `duplicate id "${id}"; removed (the first is kept)`,
          msg('exchange.repair.duplicateRemoved', { id }),
        );
        return;
      }
      const renamed = freshId(id, taken);
      r.repair(
        join(p, 'id'),
        `duplicate id "${id}"; renamed to "${renamed}"`,
        msg('exchange.repair.duplicateRenamed', { id, renamed }),
      );
      id = renamed;
    }
    taken.add(id);
    const value = read(item, id, p);
    if (value === null) return;
    seen.add(id);
    out.push(value);
  });
  return out;
}

/** The map's channels (missing → the default channels). */
export function readChannels(r: Reader, list: readonly unknown[] | null): Channel[] {
  if (list === null) return DEFAULT_CHANNELS.map((c) => ({ ...c }));
  return readEach(r, { list, noun: 'channel', duplicates: 'drop' }, (rec, id, p) => {
    const name = r.text(rec, 'name', p, SHORT_TEXT_MAX);
    const raw = own(rec, 'initials');
    let initials = typeof raw === 'string' ? cleanText(raw, 3).trim() : '';
    if (initials === '') initials = (name.trim().charAt(0) || '?').toUpperCase();
    if (initials !== raw)
      r.repair(
        join(p, 'initials'),
        `must be 1–3 characters; set to "${initials}"`,
        msg('exchange.repair.initials', { initials }),
      );
    return { id, name, initials };
  });
}

/** The stages. */
export function readStages(r: Reader, list: readonly unknown[]): Stage[] {
  return readEach(r, { list, noun: 'stage', duplicates: 'drop' }, (rec, id, p) => ({
    id,
    name: r.text(rec, 'name', p, SHORT_TEXT_MAX),
  }));
}

/** The lanes (a lane of unknown type becomes a notes lane). */
export function readLanes(r: Reader, list: readonly unknown[]): Lane[] {
  return readEach(r, { list, noun: 'lane', duplicates: 'drop' }, (rec, id, p) => {
    const type = r.oneOf(rec, 'type', p, laneTypes, 'text');
    return {
      id,
      type,
      name: r.text(rec, 'name', p, SHORT_TEXT_MAX, LANE_TYPE_INFO[type].name),
      zone: r.oneOf(rec, 'zone', p, zones, LANE_TYPE_INFO[type].zone),
      hidden: r.bool(rec, 'hidden', p, false),
    };
  });
}

/** The steps: those of missing stages are dropped; then regrouped into stage order. */
export function readSteps(args: {
  r: Reader;
  list: readonly unknown[];
  stages: readonly Stage[];
  channelIds: ReadonlySet<string>;
}): Step[] {
  const { r, stages, channelIds } = args;
  const stageIds = new Set(stages.map((s) => s.id));
  const pathOwner = new Map<string, string>();
  const rawPathIds = new Map<Step, { raw: unknown; path: string }>();
  const steps = readEach<Step>(
    r,
    { list: args.list, noun: 'step', duplicates: 'rename' },
    (rec, id, p) => {
      const stageId = sanitizeId(own(rec, 'stageId'));
      if (stageId === null || !stageIds.has(stageId)) {
        const stage = describe(own(rec, 'stageId'));
        r.repair(
          p,
          `its stage "${stage}" does not exist; step removed`,
          msg('exchange.repair.stepNoStage', { stage }),
        );
        return null;
      }
      const metrics = r.object(rec, 'metrics', p, false) ?? {};
      const mp = join(p, 'metrics');
      const paths: BranchPath[] = [];
      const rawPaths = r.list(rec, 'paths', p, { strict: false }) ?? [];
      rawPaths.forEach((item, j) => {
        const pp = `${p}.paths[${j}]`;
        if (!isRecord(item)) {
          r.repair(pp, 'was not a path; removed', msg('exchange.repair.notPath'));
          return;
        }
        const pathId = r.id(item, pp, freshId(`${id}-path`, new Set(pathOwner.keys())));
        if (pathOwner.has(pathId)) {
          r.repair(
            join(pp, 'id'),
            `duplicate path id "${pathId}"; removed`,
            msg('exchange.repair.duplicatePath', { id: pathId }),
          );
          return;
        }
        pathOwner.set(pathId, id);
        paths.push({ id: pathId, label: r.text(item, 'label', pp, SHORT_TEXT_MAX) });
      });
      const step: Step = {
        id,
        stageId,
        name: r.text(rec, 'name', p, SHORT_TEXT_MAX),
        kind: r.oneOf(rec, 'kind', p, stepKinds, 'action'),
        channels: r.idList({ rec, key: 'channels', path: p }, (c) => channelIds.has(c)),
        sentiment: r.number(rec, 'sentiment', p, { min: -2, max: 2, int: true, fallback: null }),
        moment: r.oneOf(rec, 'moment', p, moments, null),
        metrics: {
          csat: r.number(metrics, 'csat', mp, { min: 0, max: 100, fallback: null }),
          ces: r.number(metrics, 'ces', mp, { min: 1, max: 7, fallback: null }),
          fcr: r.number(metrics, 'fcr', mp, { min: 0, max: 100, fallback: null }),
        },
        paths,
        pathId: null,
      };
      rawPathIds.set(step, { raw: own(rec, 'pathId'), path: join(p, 'pathId') });
      return step;
    },
  );
  // Second pass: a step may belong to a path of any other step (paths are read by now).
  const fixed = steps.map((step) => {
    const { raw, path } = rawPathIds.get(step) ?? { raw: null, path: '' };
    if (raw === null || raw === undefined) return step;
    const pathId = sanitizeId(raw);
    const owner = pathId === null ? undefined : pathOwner.get(pathId);
    if (pathId === null || owner === undefined || owner === step.id) {
      const gone = describe(raw);
      r.repair(
        path,
        `path "${gone}" does not exist; cleared`,
        msg('exchange.repair.pathGone', { path: gone }),
      );
      return step;
    }
    return { ...step, pathId };
  });
  const order = new Map(stages.map((s, i) => [s.id, i]));
  const grouped = fixed
    .map((step, i) => ({ step, i }))
    .sort(
      (a, b) => (order.get(a.step.stageId) ?? 0) - (order.get(b.step.stageId) ?? 0) || a.i - b.i,
    )
    .map((e) => e.step);
  if (grouped.some((step, i) => step !== fixed[i])) {
    r.repair(
      'steps',
      'reordered so that steps follow the order of their stages',
      msg('exchange.repair.stepsReordered'),
    );
  }
  return grouped;
}

/** The cards: those of missing lanes or steps are dropped; kind-specific fields made to match. */
export function readCards(args: {
  r: Reader;
  list: readonly unknown[];
  lanes: readonly Lane[];
  steps: readonly Step[];
  channelIds: ReadonlySet<string>;
}): Card[] {
  const { r, channelIds } = args;
  const lanes = new Map(args.lanes.map((l) => [l.id, l]));
  const stepIds = new Set(args.steps.map((s) => s.id));
  const rawLinks = new Map<Card, { src: Record<string, unknown>; path: string }>();
  const cards = readEach<Card>(
    r,
    { list: args.list, noun: 'card', duplicates: 'rename' },
    (rec, id, p) => {
      const lane = lanes.get(sanitizeId(own(rec, 'laneId')) ?? '');
      if (lane === undefined) {
        const gone = describe(own(rec, 'laneId'));
        r.repair(
          p,
          `its lane "${gone}" does not exist; card removed`,
          msg('exchange.repair.cardNoLane', { lane: gone }),
        );
        return null;
      }
      const stepId = sanitizeId(own(rec, 'stepId'));
      if (stepId === null || !stepIds.has(stepId)) {
        const gone = describe(own(rec, 'stepId'));
        r.repair(
          p,
          `its step "${gone}" does not exist; card removed`,
          msg('exchange.repair.cardNoStep', { step: gone }),
        );
        return null;
      }
      const kind = r.oneOf(rec, 'kind', p, cardKinds, LANE_TYPE_INFO[lane.type].cardKind ?? 'note');
      const evidence = r.object(rec, 'evidence', p, false) ?? {};
      const ep = join(p, 'evidence');
      const teams: string[] = [];
      const rawTeams = r.list(rec, 'teams', p, { strict: false }) ?? [];
      rawTeams.forEach((team, j) => {
        if (typeof team !== 'string') {
          r.repair(
            `${p}.teams[${j}]`,
            'was not text; removed',
            msg('exchange.repair.notTextRemoved'),
          );
          return;
        }
        const clean = cleanText(team, SHORT_TEXT_MAX);
        if (clean !== team)
          r.repair(`${p}.teams[${j}]`, 'cleaned and shortened', msg('exchange.repair.teamCleaned'));
        teams.push(clean);
      });
      const card: Card = {
        id,
        laneId: lane.id,
        stepId,
        kind,
        text: r.text(rec, 'text', p, CARD_TEXT_MAX),
        channels: r.idList({ rec, key: 'channels', path: p }, (c) => channelIds.has(c)),
        evidence: {
          status: r.oneOf(evidence, 'status', ep, evidenceStatuses, 'assumption'),
          source: r.oneOf(evidence, 'source', ep, evidenceSources, null),
          quote: r.text(evidence, 'quote', ep, CARD_TEXT_MAX),
        },
        teams,
        painPoint: null,
        opportunity: null,
      };
      const pain = own(rec, 'painPoint');
      const opp = own(rec, 'opportunity');
      if (kind === 'painPoint') {
        const pp = join(p, 'painPoint');
        if (!isRecord(pain))
          r.repair(
            pp,
            'pain-point fields were missing; set to defaults',
            msg('exchange.repair.painDefaults'),
          );
        const src = isRecord(pain) ? pain : { impact: 'trivial', votes: 0 };
        card.painPoint = {
          impact: r.oneOf(src, 'impact', pp, impacts, 'trivial'),
          votes: r.number(src, 'votes', pp, { min: 0, max: 999, int: true, fallback: 0 }),
        };
      } else if (pain !== null && pain !== undefined) {
        r.repair(
          join(p, 'painPoint'),
          `removed from a ${kind} card`,
          msg('exchange.repair.removedFromKind', { kind }),
        );
      }
      if (kind === 'opportunity') {
        const op = join(p, 'opportunity');
        if (!isRecord(opp))
          r.repair(
            op,
            'opportunity fields were missing; set to defaults',
            msg('exchange.repair.opportunityDefaults'),
          );
        const src = isRecord(opp) ? opp : { impact: 3, feasibility: 3, painPointIds: [] };
        card.opportunity = {
          impact: r.number(src, 'impact', op, { min: 1, max: 5, int: true, fallback: 3 }),
          feasibility: r.number(src, 'feasibility', op, { min: 1, max: 5, int: true, fallback: 3 }),
          painPointIds: [],
        };
        rawLinks.set(card, { src, path: op });
      } else if (opp !== null && opp !== undefined) {
        r.repair(
          join(p, 'opportunity'),
          `removed from a ${kind} card`,
          msg('exchange.repair.removedFromKind', { kind }),
        );
      }
      return card;
    },
  );
  // Second pass: links may name pain points anywhere in the list.
  const painPointIds = new Set(cards.filter((c) => c.kind === 'painPoint').map((c) => c.id));
  cards.forEach((card) => {
    const link = rawLinks.get(card);
    if (link === undefined || card.opportunity === null) return;
    card.opportunity.painPointIds = r.idList(
      { rec: link.src, key: 'painPointIds', path: link.path },
      (id) => painPointIds.has(id),
    );
  });
  return cards;
}
