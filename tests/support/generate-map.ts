/**
 * Deterministic, realistic journey maps of any size for tests and benchmarks: same
 * `{ cards, seed }` → the same map, byte for byte. Text mixes a few hundred words, punctuation,
 * accents, curly quotes and the odd emoji so size and compression behave like real maps.
 */
import {
  createEmptyMap,
  createStage,
  createStep,
  LANE_TYPE_INFO,
} from '../../src/domain/model/factories';
import type {
  Card,
  EvidenceSource,
  Impact,
  JourneyMap,
  LaneType,
  Moment,
  Step,
} from '../../src/domain/model/schema';
import { evidenceSources } from '../../src/domain/model/schema';

/** A small seeded PRNG (mulberry32): fast and reproducible across platforms. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SUBJECTS = [
  'the customer',
  'she',
  'he',
  'they',
  'the admin',
  'the team lead',
  'a new user',
  'the buyer',
  'her manager',
  'the support agent',
  'the trial user',
  'our persona',
  'the evaluator',
];
const VERBS = [
  'opens',
  'searches for',
  'compares',
  'reads',
  'skims',
  'bookmarks',
  'shares',
  'downloads',
  'configures',
  'invites colleagues to',
  'asks about',
  'complains about',
  'waits for',
  'retries',
  'abandons',
  'exports',
  'imports',
  'prints',
  'forwards',
  'signs up for',
  'cancels',
  'upgrades',
  'reviews',
  'approves',
  'escalates',
  'rates',
  'clicks through',
  'scrolls past',
  'double-checks',
];
const OBJECTS = [
  'the pricing page',
  'the onboarding checklist',
  'a verification email',
  'the help centre',
  'the admin console',
  'the invoice',
  'the trial banner',
  'a template gallery',
  'the search box',
  'the mobile app',
  'the release notes',
  'a comparison table',
  'the support chat',
  'the FAQ',
  'the contract',
  'the permissions screen',
  'an error message',
  'the dashboard',
  'a webinar',
  'the community forum',
  'a case study',
  'the API documentation',
  'the billing settings',
  'the import wizard',
  'a reminder email',
  'the product tour',
  'the status page',
  'a survey',
  'the cancellation flow',
  'the renewal notice',
  'the welcome video',
  'a partner’s quote',
];
const TAILS = [
  'before the meeting',
  'on her phone',
  'late in the evening',
  'for the third time',
  'without finding an answer',
  'while on a call',
  'to convince the finance team',
  'because the link expired',
  'after a colleague recommends it',
  'during the free trial',
  'in the café between meetings',
  'with the whole team watching',
  'and gives up halfway',
  'to check the résumé of features',
  'since nobody replied by email',
  'from a shared screen',
  '',
  '',
  '',
  '',
];
const THOUGHTS = [
  '“Is this going to work for a team of twelve?”',
  '“Why do I need another password?”',
  '“This looks easier than what we use now.”',
  '“I hope IT doesn’t have to approve this.”',
  '“Where did my draft go?” 😕',
  '“Finally, something that just works!” 🎉',
  '“I’ll ask Marc, he tried it last year.”',
  '“How much will this cost after the trial?”',
  '“Can I undo that?”',
  '“Nobody on my team will read this.”',
  '“Ça marche enfin.”',
];
const PAIN = [
  'Verification email arrives late or lands in spam',
  'Pricing is unclear for teams over ten',
  'Import loses formatting of tables and images',
  'Search does not find pages by their owner',
  'Permissions screen uses jargon (“restrictions”, “inheritance”)',
  'Too many steps to invite a colleague',
  'Trial ends without warning and content is locked',
  'Mobile editor hides the toolbar',
  'Support chat closes after five minutes of inactivity',
  'Invoice currency cannot be changed',
  'Template names do not say what they are for',
  'Error message gives no next step',
];
const OPPORTUNITIES = [
  'Send the invite link from our own domain and show it on screen',
  'Add a pricing calculator for teams',
  'Preview imported pages before committing',
  'Remind trial users seven days before the end',
  'Explain permissions with a picture, not words',
  'Keep the chat open while the user is typing',
  'Recommend a template from the space name',
  'Let admins change the invoice currency',
];
const TEAMS = ['Growth', 'Identity', 'Billing', 'Editor', 'Search', 'Support', 'Mobile', 'Docs'];
const STAGES = [
  'Awareness',
  'Interest',
  'Consideration',
  'Trial',
  'Purchase',
  'Onboarding',
  'Adoption',
  'Support',
  'Renewal',
  'Advocacy',
  'Expansion',
  'Offboarding',
];
const MOMENTS: readonly (Moment | null)[] = ['delight', 'friction', 'decision', null, null, null];
const IMPACTS: readonly Impact[] = ['trivial', 'trivial', 'workaround', 'workaround', 'abandon'];

/** Relative frequency of cards per lane type (actions and pain points dominate real maps). */
const LANE_WEIGHTS: [LaneType, number][] = [
  ['actions', 5],
  ['touchpoints', 3],
  ['goals', 1],
  ['thoughts', 3],
  ['painPoints', 4],
  ['opportunities', 2],
  ['backstage', 2],
];

/** Builds a valid, realistic map with exactly `cards` cards; deterministic for a seed. */
export function generateMap(args: { cards: number; seed: number }): JourneyMap {
  const random = createRandom(args.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const int = (min: number, max: number): number => min + Math.floor(random() * (max - min + 1));
  let serial = 0;
  const id = (prefix: string): string => `${prefix}${(serial++).toString(36)}`;

  const sentence = (): string => {
    const tail = pick(TAILS);
    const text = `${pick(SUBJECTS)} ${pick(VERBS)} ${pick(OBJECTS)}${tail ? ` ${tail}` : ''}`;
    return text.charAt(0).toUpperCase() + text.slice(1) + '.';
  };
  const paragraph = (min: number, max: number): string =>
    Array.from({ length: int(min, max) }, sentence).join(' ');

  const map = createEmptyMap({
    title: `Generated journey (${args.cards} cards, seed ${args.seed})`,
  });
  map.owningTeam = pick(TEAMS);
  map.scope = {
    scenario: paragraph(1, 2),
    goal: 'Get the team working in the product within a week.',
    start: sentence(),
    end: sentence(),
  };
  map.persona = {
    ...map.persona,
    name: pick(['Alana', 'Bruno', 'Chen', 'Dara', 'Émile', 'Farah']),
    role: pick(['Project manager', 'IT admin', 'Team lead', 'Developer', 'Buyer']),
    age: String(int(24, 61)),
    goals: paragraph(1, 2),
    details: paragraph(2, 4),
  };
  map.backStory = {
    painPoints: [{ id: id('bs'), text: pick(PAIN) }],
    requirements: [{ id: id('bs'), text: 'Provide structure' }],
    outcomes: [{ id: id('bs'), text: sentence() }],
    topGoal: 'Improve team efficiency',
    story: paragraph(2, 4),
  };
  map.review = {
    cadence: pick(['monthly', 'quarterly', 'semiannual', 'annual'] as const),
    lastReviewed: '2026-01-15',
  };
  map.updatedAt = '2026-11-01T09:30:00.000Z';

  const stepCount = Math.min(240, Math.max(1, Math.ceil(args.cards / 25)));
  const stageCount = Math.min(STAGES.length, Math.max(1, Math.ceil(stepCount / 6)));
  map.stages = Array.from({ length: stageCount }, (_, i) =>
    createStage(id('st'), STAGES[i] ?? `Stage ${i + 1}`),
  );
  const channelIds = map.channels.map((c) => c.id);
  map.steps = Array.from({ length: stepCount }, (_, i): Step => {
    const stage = map.stages[Math.floor((i * stageCount) / stepCount)] ?? map.stages[0];
    const step = createStep({
      id: id('sp'),
      stageId: stage?.id ?? '',
      name: sentence().slice(0, 80),
      kind: pick(['action', 'action', 'action', 'question', 'decision'] as const),
    });
    step.channels = [...new Set([pick(channelIds), pick(channelIds)])].slice(0, int(0, 2));
    step.sentiment = random() < 0.85 ? int(-2, 2) : null;
    step.moment = pick(MOMENTS);
    if (random() < 0.3) {
      step.metrics = {
        csat: int(40, 98),
        ces: int(1, 7),
        fcr: random() < 0.5 ? int(30, 95) : null,
      };
    }
    if (step.kind === 'decision') {
      step.paths = [
        { id: id('pa'), label: 'Yes' },
        { id: id('pa'), label: 'Not now' },
      ];
    }
    return step;
  });

  const laneByType = new Map(map.lanes.map((lane) => [lane.type, lane]));
  const totalWeight = LANE_WEIGHTS.reduce((sum, [, w]) => sum + w, 0);
  const pickLaneType = (): LaneType => {
    let r = random() * totalWeight;
    for (const [type, weight] of LANE_WEIGHTS) {
      r -= weight;
      if (r < 0) return type;
    }
    return 'actions';
  };

  const painIds: string[] = [];
  const cards: Card[] = [];
  for (let i = 0; i < args.cards; i++) {
    const laneType = pickLaneType();
    const lane = laneByType.get(laneType);
    const kind = LANE_TYPE_INFO[laneType].cardKind ?? 'note';
    const step = map.steps[Math.floor((i * stepCount) / Math.max(1, args.cards))] ?? map.steps[0];
    const validated = random() < 0.35;
    const source: EvidenceSource | null =
      validated || random() < 0.2 ? pick(evidenceSources) : null;
    const text =
      kind === 'thought'
        ? pick(THOUGHTS)
        : kind === 'painPoint'
          ? `${pick(PAIN)}. ${random() < 0.5 ? sentence() : ''}`.trim()
          : kind === 'opportunity'
            ? pick(OPPORTUNITIES)
            : paragraph(1, 3);
    const card: Card = {
      id: id('cd'),
      laneId: lane?.id ?? '',
      stepId: step?.id ?? '',
      kind,
      text,
      channels: kind === 'action' || kind === 'touchpoint' ? (step?.channels.slice() ?? []) : [],
      evidence: {
        status: validated ? 'validated' : 'assumption',
        source,
        quote: validated && random() < 0.4 ? pick(THOUGHTS) : '',
      },
      teams: random() < 0.15 ? [pick(TEAMS)] : [],
      painPoint: kind === 'painPoint' ? { impact: pick(IMPACTS), votes: int(0, 6) } : null,
      opportunity: null,
    };
    if (kind === 'painPoint') painIds.push(card.id);
    if (kind === 'opportunity') {
      const linked = painIds.length > 0 ? [pick(painIds)] : [];
      card.opportunity = { impact: int(1, 5), feasibility: int(1, 5), painPointIds: linked };
    }
    cards.push(card);
  }
  map.cards = cards;
  return map;
}
