/**
 * The one door from storage into the app: `restore()` validates a stored map, migrates older
 * schema versions (migrations.ts), repairs what it safely can (reporting each repair by field
 * path) and refuses the rest with a typed `RestoreError`. It never throws, whatever the input.
 *
 * Policy: the map's own sections (`scope`, `persona`, `backStory`, `review`, `session` and their
 * lists, and the top-level collections) must have the right container type when present;
 * `stages`, `steps`, `lanes`, `cards` and `title` must be present. Anything inside an entity is
 * repaired: bad values reset or clamped, dangling references dropped (cards, steps) or cleared,
 * duplicate ids dropped (stages, lanes, channels, paths, photos) or renamed (steps, cards,
 * stickies). A map that already satisfies the schema and these invariants comes back equal,
 * with no repairs.
 *
 * Invariants every restored map holds (and every op keeps), beyond the zod schema:
 *  - ids are unique per collection; path ids are unique across all steps;
 *  - every card's lane and step exist; every step's stage exists; steps are grouped by stage,
 *    in stage order (`map.steps` is journey order);
 *  - `step.pathId` names a path of another step; photo `stepId`s name existing steps;
 *  - channel ids on steps and cards name existing channels, each once;
 *  - `painPoint` is set exactly on pain-point cards, `opportunity` exactly on opportunity cards,
 *    whose `painPointIds` name existing pain-point cards, each once;
 *  - text has no control characters other than \n and \t.
 */
import { RestoreError } from '../errors';
import { msg } from '../i18n/message';
import { zodRule } from '../i18n/zod-rule';
import { createSession } from './factories';
import { migrate } from './migrations';
import type { RepairNote } from './restore-reader';
import { describe, join, Reader, Refusal } from './restore-reader';
import { readCards, readChannels, readLanes, readStages, readSteps } from './restore-entities';
import { cleanText, freshId, isRecord, own, sanitizeId } from './restore-values';
import { compareBallots } from '../session/dots';
import type {
  Agenda,
  Analysis,
  Ballot,
  BackStory,
  JourneyMap,
  MapLink,
  Person,
  Persona,
  Session,
  SessionPhoto,
  Sticky,
  WorkItemLink,
  WriteUpRef,
} from './schema';
import {
  cadences,
  CARD_TEXT_MAX,
  isoDate,
  isoInstant,
  journeyMapSchema,
  LONG_TEXT_MAX,
  mapLinkSchema,
  mapStates,
  MAX_VOTES_PER_PERSON,
  SCHEMA_VERSION,
  SHORT_TEXT_MAX,
  writeUpRefSchema,
  workItemLinkSchema,
  MAX_WORK_ITEMS,
} from './schema';

export type { RepairNote } from './restore-reader';

/** What `restore()` answers: a valid map and its repairs, or why it was refused. */
export type RestoreResult =
  { ok: true; map: JourneyMap; repairs: RepairNote[] } | { ok: false; error: RestoreError };

const isDate = (v: string): boolean => isoDate.safeParse(v).success;
const isInstant = (v: string): boolean => isoInstant.safeParse(v).success;

/** Validates, migrates and repairs a stored map; never throws. */
export function restore(input: unknown): RestoreResult {
  try {
    return readMap(input);
  } catch (e) {
    if (e instanceof Refusal) {
      return {
        ok: false,
        error: new RestoreError({ path: e.path, reason: e.reason, rule: e.rule, code: e.code }),
      };
    }
    const rule = msg('errors.rule.unreadable');
    return { ok: false, error: new RestoreError({ path: '', reason: 'could not be read', rule }) };
  }
}

function readMap(input: unknown): RestoreResult {
  if (!isRecord(input)) throw new Refusal('', 'is not an object', msg('errors.rule.notObject'));
  const version = own(input, 'schemaVersion');
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new Refusal(
      'schemaVersion',
      'is not a known schema version',
      msg('errors.rule.unknownVersion'),
    );
  }
  if (version > SCHEMA_VERSION) {
    throw new Refusal(
      'schemaVersion',
      `is ${version}: it was saved by a newer version of the app (this one reads up to ${SCHEMA_VERSION})`,
      msg('errors.rule.newerSchema', { saved: version, supported: SCHEMA_VERSION }),
      'UNSUPPORTED_VERSION',
    );
  }
  const doc = version < SCHEMA_VERSION ? migrate(input, version) : input;
  const r = new Reader();
  if (typeof own(doc, 'title') !== 'string')
    r.refuse('title', 'is not text', msg('errors.rule.notText'));
  const stagesRaw = r.list(doc, 'stages', '', { strict: true, required: true }) ?? [];
  const stepsRaw = r.list(doc, 'steps', '', { strict: true, required: true }) ?? [];
  const lanesRaw = r.list(doc, 'lanes', '', { strict: true, required: true }) ?? [];
  const cardsRaw = r.list(doc, 'cards', '', { strict: true, required: true }) ?? [];

  const channels = readChannels(r, r.list(doc, 'channels', '', { strict: true }));
  const channelIds = new Set(channels.map((c) => c.id));
  const stages = readStages(r, stagesRaw);
  const lanes = readLanes(r, lanesRaw);
  const steps = readSteps({ r, list: stepsRaw, stages, channelIds });
  const cards = readCards({ r, list: cardsRaw, lanes, steps, channelIds });
  const scope = r.object(doc, 'scope', '', true) ?? {};
  const review = r.object(doc, 'review', '', true) ?? {};

  const map: JourneyMap = {
    schemaVersion: SCHEMA_VERSION,
    title: r.text(doc, 'title', '', SHORT_TEXT_MAX),
    state: r.oneOf(doc, 'state', '', mapStates, 'current'),
    linkedMap: readLinkedMap(r, doc),
    owningTeam: r.text(doc, 'owningTeam', '', SHORT_TEXT_MAX),
    scope: {
      scenario: r.text(scope, 'scenario', 'scope', CARD_TEXT_MAX),
      goal: r.text(scope, 'goal', 'scope', CARD_TEXT_MAX),
      start: r.text(scope, 'start', 'scope', CARD_TEXT_MAX),
      end: r.text(scope, 'end', 'scope', CARD_TEXT_MAX),
    },
    persona: readPersona(r, r.object(doc, 'persona', '', true) ?? {}),
    backStory: readBackStory(r, r.object(doc, 'backStory', '', true) ?? {}),
    review: {
      cadence: r.oneOf(review, 'cadence', 'review', cadences, 'quarterly'),
      lastReviewed: r.nullableString({ rec: review, key: 'lastReviewed', path: 'review' }, isDate),
    },
    channels,
    stages,
    steps,
    lanes,
    cards,
    session: readSession(r, doc, new Set(steps.map((s) => s.id))),
    writeUp: readWriteUp(r, doc),
    workItems: readWorkItems(r, doc),
    updatedAt: r.nullableString({ rec: doc, key: 'updatedAt', path: '' }, isInstant),
  };
  // Safety net: whatever the reader missed is refused here, never passed on.
  const check = journeyMapSchema.safeParse(map);
  if (!check.success) {
    const issue = check.error.issues[0];
    r.refuse(
      issue?.path.map(String).join('.') ?? '',
      issue?.message ?? 'is not valid',
      zodRule(issue),
    );
  }
  return { ok: true, map, repairs: r.repairs };
}

function readLinkedMap(r: Reader, doc: Record<string, unknown>): MapLink | null {
  const value = own(doc, 'linkedMap');
  if (value === null) return null;
  const parsed = mapLinkSchema.safeParse(value);
  if (parsed.success) return { pageId: parsed.data.pageId, localId: parsed.data.localId };
  if (value !== undefined)
    r.repair('linkedMap', 'was not a valid map link; cleared', msg('exchange.repair.badMapLink'));
  return null;
}

/**
 * Linked Jira work: missing (older maps) is `[]` without a note; an entry that is not a link is
 * dropped with a note; a repeated card + key is kept once. A link whose card was deleted stays
 * (undoing the delete brings the card back with its work); nothing shows it meanwhile.
 */
function readWorkItems(r: Reader, doc: Record<string, unknown>): WorkItemLink[] {
  if (own(doc, 'workItems') === undefined) return [];
  const list = r.list(doc, 'workItems', '', { strict: false }) ?? [];
  const out: WorkItemLink[] = [];
  const seen = new Set<string>();
  list.forEach((value, i) => {
    const parsed = workItemLinkSchema.safeParse(value);
    if (!parsed.success) {
      r.repair(
        `workItems[${i}]`,
        'was not a link to a Jira work item; removed',
        msg('exchange.repair.badWorkItem'),
      );
      return;
    }
    const id = `${parsed.data.cardId} ${parsed.data.key}`;
    if (seen.has(id) || out.length >= MAX_WORK_ITEMS) {
      r.repair(
        `workItems[${i}]`,
        'repeated or over the limit; removed',
        msg('exchange.repair.workItemExtra'),
      );
      return;
    }
    seen.add(id);
    const team = cleanText(parsed.data.team, SHORT_TEXT_MAX);
    out.push({ cardId: parsed.data.cardId, key: parsed.data.key, team });
  });
  return out;
}

function readWriteUp(r: Reader, doc: Record<string, unknown>): WriteUpRef | null {
  const value = own(doc, 'writeUp');
  if (value === null) return null;
  // Refs stored before the page version was recorded: version 1 stands for "unknown" (a stale
  // version only costs the next generation one refused update and one read of the real version).
  const versioned =
    isRecord(value) && own(value, 'version') === undefined ? { ...value, version: 1 } : value;
  const parsed = writeUpRefSchema.safeParse(versioned);
  if (parsed.success) {
    if (versioned !== value)
      r.repair(
        'writeUp.version',
        'was missing; read again when regenerated',
        msg('exchange.repair.writeUpVersion'),
      );
    const { pageId, title, generatedAt, version } = parsed.data;
    const clean = cleanText(title, 255);
    if (clean !== title)
      r.repair(
        'writeUp.title',
        'control characters removed',
        msg('exchange.repair.controlRemoved'),
      );
    return { pageId, title: clean, generatedAt, version };
  }
  if (value !== undefined)
    r.repair(
      'writeUp',
      'was not a valid write-up reference; cleared',
      msg('exchange.repair.badWriteUp'),
    );
  return null;
}

function readPhotoRef(
  r: Reader,
  rec: Record<string, unknown>,
  path: string,
): { attachmentId: string; fileName: string } | null {
  const attachmentId = own(rec, 'attachmentId');
  if (typeof attachmentId !== 'string' || attachmentId.length > 128 || attachmentId === '') {
    r.repair(path, 'has no usable attachment id; removed', msg('exchange.repair.noAttachmentId'));
    return null;
  }
  return { attachmentId, fileName: r.text(rec, 'fileName', path, 255) };
}

function readPersona(r: Reader, rec: Record<string, unknown>): Persona {
  const p = 'persona';
  const photo = own(rec, 'photo');
  return {
    name: r.text(rec, 'name', p, SHORT_TEXT_MAX),
    role: r.text(rec, 'role', p, SHORT_TEXT_MAX),
    age: r.text(rec, 'age', p, SHORT_TEXT_MAX),
    familyStatus: r.text(rec, 'familyStatus', p, SHORT_TEXT_MAX),
    professionalGoals: r.text(rec, 'professionalGoals', p, CARD_TEXT_MAX),
    personalInterests: r.text(rec, 'personalInterests', p, CARD_TEXT_MAX),
    goals: r.text(rec, 'goals', p, CARD_TEXT_MAX),
    details: r.text(rec, 'details', p, LONG_TEXT_MAX),
    photo: isRecord(photo)
      ? readPhotoRef(r, photo, join(p, 'photo'))
      : photo === null || photo === undefined
        ? null
        : (r.repair(join(p, 'photo'), 'was not a photo; removed', msg('exchange.repair.notPhoto')),
          null),
  };
}

function readStickies(r: Reader, rec: Record<string, unknown>, key: string): Sticky[] {
  const path = join('backStory', key);
  const list = r.list(rec, key, 'backStory', { strict: true }) ?? [];
  const taken = new Set(list.map((s) => (isRecord(s) ? sanitizeId(own(s, 'id')) : null)));
  const seen = new Set<string>();
  const out: Sticky[] = [];
  list.forEach((item, i) => {
    const p = `${path}[${i}]`;
    if (!isRecord(item)) {
      r.repair(p, 'was not a sticky note; removed', msg('exchange.repair.notSticky'));
      return;
    }
    let id = r.id(item, p, freshId(`${key}-restored`, taken as Set<string>));
    if (seen.has(id)) {
      const renamed = freshId(id, taken as Set<string>);
      r.repair(
        join(p, 'id'),
        `duplicate id "${id}"; renamed to "${renamed}"`,
        msg('exchange.repair.duplicateRenamed', { id, renamed }),
      );
      id = renamed;
    }
    taken.add(id);
    seen.add(id);
    out.push({ id, text: r.text(item, 'text', p, CARD_TEXT_MAX) });
  });
  return out;
}

function readBackStory(r: Reader, rec: Record<string, unknown>): BackStory {
  return {
    painPoints: readStickies(r, rec, 'painPoints'),
    requirements: readStickies(r, rec, 'requirements'),
    outcomes: readStickies(r, rec, 'outcomes'),
    topGoal: r.text(rec, 'topGoal', 'backStory', CARD_TEXT_MAX),
    story: r.text(rec, 'story', 'backStory', LONG_TEXT_MAX),
  };
}

function readPerson(r: Reader, value: unknown, path: string): Person | null {
  if (value === null) return null;
  if (!isRecord(value)) {
    if (value === undefined)
      r.repair(path, 'was missing; cleared', msg('exchange.repair.missingCleared'));
    else r.repair(path, 'was not a person; cleared', msg('exchange.repair.notPerson'));
    return null;
  }
  let accountId = own(value, 'accountId');
  if (accountId !== null && (typeof accountId !== 'string' || accountId.length > 128)) {
    r.repair(
      join(path, 'accountId'),
      'was not a valid account id; cleared',
      msg('exchange.repair.badAccountId'),
    );
    accountId = null;
  }
  return {
    accountId: accountId as string | null,
    name: r.text(value, 'name', path, SHORT_TEXT_MAX),
  };
}

function readAgenda(r: Reader, rec: Record<string, unknown>): Agenda {
  const p = 'session.agenda';
  const extra = r.list(rec, 'extraMinutes', p, { strict: false }) ?? [];
  const extraMinutes: number[] = [];
  const byIndex: Record<string, unknown> = { ...extra };
  extra.forEach((_, i) => {
    const minutes = r.number(byIndex, String(i), p, {
      min: 0,
      max: 240,
      int: true,
      fallback: 0,
    });
    extraMinutes.push(minutes);
  });
  return {
    stepIndex: r.number(rec, 'stepIndex', p, { min: 0, max: 20, int: true, fallback: null }),
    startedAt: r.nullableString({ rec, key: 'startedAt', path: p }, isInstant),
    elapsedSeconds: r.number(rec, 'elapsedSeconds', p, { min: 0, max: 86_400, fallback: 0 }),
    extraMinutes,
  };
}

function readAnalysis(r: Reader, rec: Record<string, unknown>): Analysis {
  const p = 'session.analysis';
  return {
    confusion: r.text(rec, 'confusion', p, LONG_TEXT_MAX),
    shortfalls: r.text(rec, 'shortfalls', p, LONG_TEXT_MAX),
    unmetNeeds: r.text(rec, 'unmetNeeds', p, LONG_TEXT_MAX),
    complication: r.text(rec, 'complication', p, LONG_TEXT_MAX),
    opportunities: r.text(rec, 'opportunities', p, LONG_TEXT_MAX),
  };
}

function readPhotos(
  r: Reader,
  rec: Record<string, unknown>,
  stepIds: ReadonlySet<string>,
): SessionPhoto[] {
  const list = r.list(rec, 'photos', 'session', { strict: true }) ?? [];
  const seen = new Set<string>();
  const out: SessionPhoto[] = [];
  list.forEach((item, i) => {
    const p = `session.photos[${i}]`;
    if (!isRecord(item)) {
      r.repair(p, 'was not a photo; removed', msg('exchange.repair.notPhoto'));
      return;
    }
    const ref = readPhotoRef(r, item, p);
    if (ref === null) return;
    if (seen.has(ref.attachmentId)) {
      r.repair(
        p,
        `attachment "${ref.attachmentId}" is listed twice; removed`,
        msg('exchange.repair.attachmentTwice', { id: ref.attachmentId }),
      );
      return;
    }
    seen.add(ref.attachmentId);
    const raw = own(item, 'stepId');
    let stepId: string | null = null;
    if (raw !== null) {
      const id = sanitizeId(raw);
      if (id !== null && stepIds.has(id)) stepId = id;
      else {
        const step = describe(raw);
        r.repair(
          join(p, 'stepId'),
          `step "${step}" does not exist; unpinned`,
          msg('exchange.repair.stepUnpinned', { step }),
        );
      }
    }
    out.push({ ...ref, caption: r.text(item, 'caption', p, CARD_TEXT_MAX), stepId });
  });
  return out;
}

/**
 * Ballots of dot voting. The field arrived after v2 shipped, so a missing list is the normal
 * state of older maps: it becomes `[]` without a repair note. Malformed or duplicate entries are
 * removed (reported); the list is put in canonical order silently (order carries no meaning).
 */
function readBallots(r: Reader, rec: Record<string, unknown>): Ballot[] {
  if (own(rec, 'ballots') === undefined) return [];
  const list = r.list(rec, 'ballots', 'session', { strict: false }) ?? [];
  const out: Ballot[] = [];
  list.forEach((item, i) => {
    const p = `session.ballots[${i}]`;
    const voter = isRecord(item) ? own(item, 'voter') : undefined;
    const cardId = isRecord(item) ? sanitizeId(own(item, 'cardId')) : null;
    if (!isRecord(item) || typeof voter !== 'string' || voter === '' || voter.length > 128) {
      r.repair(p, 'was not a ballot; removed', msg('exchange.repair.notBallot'));
      return;
    }
    if (cardId === null) {
      r.repair(
        join(p, 'cardId'),
        'was not a card id; ballot removed',
        msg('exchange.repair.ballotNoCard'),
      );
      return;
    }
    if (out.some((b) => b.voter === voter && b.cardId === cardId)) {
      r.repair(
        p,
        `"${voter}" voted on "${cardId}" twice; the later ballot removed`,
        msg('exchange.repair.ballotTwice', { voter, cardId }),
      );
      return;
    }
    const dots = r.number(item, 'dots', p, {
      min: 0,
      max: MAX_VOTES_PER_PERSON,
      int: true,
      fallback: 0,
    });
    if (dots > 0) out.push({ voter, cardId, dots });
  });
  return out.sort(compareBallots);
}

/** An account id the server recorded; missing (older maps) is null without a note. */
function readRecordedAccount(
  r: Reader,
  rec: Record<string, unknown>,
  key: 'voteOwner' | 'playEndedBy',
): string | null {
  const raw = own(rec, key);
  if (raw === undefined || raw === null) return null;
  if (typeof raw === 'string' && raw !== '' && raw.length <= 128) return raw;
  r.repair(`session.${key}`, 'was not an account id; cleared', msg('exchange.repair.notAccountId'));
  return null;
}

function readSession(
  r: Reader,
  doc: Record<string, unknown>,
  stepIds: ReadonlySet<string>,
): Session {
  const rec = r.object(doc, 'session', '', true);
  if (rec === null) return createSession();
  const p = 'session';
  const participants: Person[] = [];
  const people = r.list(rec, 'participants', p, { strict: true }) ?? [];
  people.forEach((item, i) => {
    const person = readPerson(r, item, `${p}.participants[${i}]`);
    if (person !== null) participants.push(person);
  });
  const agenda = r.object(rec, 'agenda', p, false);
  const analysis = r.object(rec, 'analysis', p, false);
  const defaults = createSession();
  return {
    date: r.nullableString({ rec, key: 'date', path: p }, isDate),
    facilitator: readPerson(r, own(rec, 'facilitator'), join(p, 'facilitator')),
    scribe: readPerson(r, own(rec, 'scribe'), join(p, 'scribe')),
    participants,
    notes: r.text(rec, 'notes', p, LONG_TEXT_MAX),
    photos: readPhotos(r, rec, stepIds),
    agenda: agenda === null ? defaults.agenda : readAgenda(r, agenda),
    analysis: analysis === null ? defaults.analysis : readAnalysis(r, analysis),
    votesPerPerson: r.number(rec, 'votesPerPerson', p, { min: 0, max: 50, int: true, fallback: 3 }),
    votesRevealed: r.bool(rec, 'votesRevealed', p, false),
    ballots: readBallots(r, rec),
    voteOwner: readRecordedAccount(r, rec, 'voteOwner'),
    playEndedBy: readRecordedAccount(r, rec, 'playEndedBy'),
  };
}
