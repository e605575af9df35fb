/**
 * The play's own worked example (seed 000): Alana, a project manager, evaluates Confluence
 * from clicking TRY to deciding whether to buy it. Filled in on every lane so a new team sees
 * what a finished session looks like: a branching decision, channels, quotes, pain points of
 * each impact with votes and teams, linked opportunities in every quadrant, a sentiment line
 * with a sawtooth stretch, rapid drops, troughs and peaks, moments of truth, metrics and
 * evidence.
 */
import type { JourneyMap } from '../model/schema';
import type { TemplateArgs } from './template-builder';
import { createTemplateBuilder } from './template-builder';

/** Default title of the worked example. */
export const WORKED_EXAMPLE_TITLE = 'Alana evaluates Confluence';

/** The back-story paragraph read out loud in the play, verbatim. */
export const ALANA_STORY =
  "Alana and her team are frustrated by having to spend so much time explaining their work to each other, and to stakeholders. They want a way to share their knowledge, and organize it so it's easy for people outside their team to find, so they can focus more energy on the tasks at hand.";

const GOAL =
  'Find a scalable way for her team to share their knowledge so they spend less time explaining things over email.';

/** The worked example; ids come from `newId` in a fixed order. */
export function workedExampleTemplate(args: TemplateArgs): JourneyMap {
  const b = createTemplateBuilder(args);
  const { map, newId } = b;
  map.owningTeam = 'Confluence Growth';
  map.scope = {
    scenario:
      'Alana evaluates Confluence for her team, from the point where she clicks the TRY button to the point where she decides to buy it – or not.',
    goal: GOAL,
    start: 'Alana clicks TRY on the Confluence website.',
    end: 'Alana decides whether to buy Confluence for her team.',
  };
  map.persona = {
    ...map.persona,
    name: 'Alana',
    role: 'Project manager',
    professionalGoals: 'Deliver projects on time with a team that can find answers on its own.',
    goals: GOAL,
    details: 'Leads a team of twelve; answers the same questions over email every week.',
  };
  const sticky = (text: string) => ({ id: newId(), text });
  map.backStory = {
    painPoints: [
      sticky("Her team's knowledge is in silos"),
      sticky('She explains the same things over email again and again'),
      sticky('Stakeholders cannot find the latest project status'),
    ],
    requirements: [
      sticky('Provide structure'),
      sticky('Easy for people outside the team to find things'),
      sticky('Quick to set up without help from IT'),
    ],
    outcomes: [
      sticky(
        'To keep my team focused on their work instead of distracted by unnecessary emails and shoulder-taps',
      ),
    ],
    topGoal: 'Improve team efficiency',
    story: ALANA_STORY,
  };
  map.session.date = args.today;

  // Stages and steps, in journey order.
  const signUp = b.stage('Sign up');
  const clickTry = b.step(signUp, 'Clicks TRY on the Confluence website', {
    channels: ['web'],
    sentiment: 1,
  });
  const verify = b.step(signUp, 'Verifies her email address', {
    channels: ['email'],
    sentiment: 0,
    metrics: { ces: 4 },
  });

  const setUp = b.stage('Set up');
  const whichTemplate = b.step(setUp, 'Which template suits a project team?', {
    kind: 'question',
    channels: ['inproduct'],
    sentiment: -1,
  });
  const firstSpace = b.step(setUp, "Creates the team's first space", {
    channels: ['inproduct'],
    sentiment: 1,
    metrics: { csat: 82, ces: 2 },
  });
  const invite = b.step(setUp, 'Invites her team', {
    channels: ['email', 'inproduct'],
    sentiment: -2,
    moment: 'friction',
    metrics: { csat: 41, ces: 6, fcr: 55 },
  });

  const tryIt = b.stage('Try it with the team');
  const importPath = { id: newId(), label: 'Import existing documents' };
  const freshPath = { id: newId(), label: 'Start fresh from a template' };
  const importOrFresh = b.step(tryIt, 'Import existing documents or start fresh?', {
    kind: 'decision',
    channels: ['inproduct'],
    sentiment: -1,
    moment: 'decision',
  });
  importOrFresh.paths = [importPath, freshPath];
  const importDocs = b.step(tryIt, 'Imports Word documents', {
    channels: ['inproduct'],
    sentiment: -1,
    pathId: importPath.id,
  });
  const homePage = b.step(tryIt, 'Writes a team home page from a template', {
    channels: ['inproduct'],
    sentiment: 1,
    pathId: freshPath.id,
  });
  const shareLink = b.step(tryIt, 'Answers a question by sharing a page link', {
    channels: ['email', 'chat'],
    sentiment: 2,
    moment: 'delight',
    metrics: { csat: 93, ces: 1, fcr: 90 },
  });

  const decide = b.stage('Decide');
  const cost = b.step(decide, 'How much will it cost for the whole team?', {
    kind: 'question',
    channels: ['web'],
    sentiment: 0,
  });
  const buy = b.step(decide, 'Decides to buy Confluence', {
    channels: ['web', 'email'],
    sentiment: 1,
    moment: 'decision',
    metrics: { csat: 78 },
  });

  // Actions lane: one card per step, of the step's kind.
  for (const step of [clickTry, verify, whichTemplate, firstSpace, invite, importOrFresh]) {
    b.card('actions', step, step.name, { kind: step.kind, channels: step.channels });
  }
  for (const step of [importDocs, homePage, shareLink, cost, buy]) {
    b.card('actions', step, step.name, { kind: step.kind, channels: step.channels });
  }

  b.card('touchpoints', clickTry, 'Confluence product page', { channels: ['web'] });
  b.card('touchpoints', verify, 'Verification email', { channels: ['email'] });
  b.card('touchpoints', invite, 'Invitation email to each team member', { channels: ['email'] });
  b.card('touchpoints', cost, 'Pricing page', { channels: ['web'] });

  b.card('goals', clickTry, 'Find a tool her team will actually use');
  b.card('goals', shareLink, 'Spend less time explaining things over email');

  b.card('thoughts', clickTry, '“Let’s see if this is quicker than our shared drive.”');
  b.card('thoughts', invite, '“Did my invitations even arrive?”', {
    validated: {
      source: 'interview',
      quote: 'Did my invitations even arrive? Nobody said a word.',
    },
  });
  b.card('thoughts', shareLink, '“That’s the first time I didn’t write the same email twice.”', {
    validated: { source: 'interview', quote: 'I just sent the link. That was it.' },
  });
  b.card('thoughts', cost, '“Will finance sign off on this?”');

  const slowEmail = b.card('painPoints', verify, 'The verification email takes minutes to arrive', {
    painPoint: { impact: 'workaround', votes: 2 },
    teams: ['Identity'],
    validated: { source: 'analytics' },
  });
  const templateNames = b.card(
    'painPoints',
    whichTemplate,
    'Template names do not say which one suits a project team',
    { painPoint: { impact: 'trivial', votes: 1 } },
  );
  const spam = b.card(
    'painPoints',
    invite,
    'Invitation emails land in spam, so half the team never joins',
    {
      painPoint: { impact: 'abandon', votes: 5 },
      teams: ['Identity', 'Growth'],
      validated: {
        source: 'supportTicket',
        quote:
          'I invited six people and two showed up. The rest found the email in spam a week later.',
      },
    },
  );
  const formatting = b.card(
    'painPoints',
    importDocs,
    'Tables and images lose their formatting on import',
    {
      painPoint: { impact: 'workaround', votes: 3 },
      teams: ['Editor'],
      validated: { source: 'observation' },
    },
  );
  b.card('painPoints', shareLink, 'Stakeholders outside the team hit a login screen', {
    painPoint: { impact: 'trivial', votes: 0 },
  });
  const pricing = b.card(
    'painPoints',
    cost,
    'The pricing page does not say what a team of twelve pays',
    { painPoint: { impact: 'abandon', votes: 2 } },
  );

  b.card(
    'opportunities',
    invite,
    'Show a join link she can paste into chat, next to the email invitations',
    {
      opportunity: { impact: 5, feasibility: 4, painPointIds: [spam.id] },
      teams: ['Growth'],
    },
  );
  b.card('opportunities', importDocs, 'Preview an import before committing it', {
    opportunity: { impact: 4, feasibility: 2, painPointIds: [formatting.id] },
  });
  b.card('opportunities', whichTemplate, 'Recommend a template from the space name', {
    opportunity: { impact: 2, feasibility: 4, painPointIds: [templateNames.id] },
  });
  b.card('opportunities', cost, 'A pricing calculator for teams', {
    opportunity: { impact: 4, feasibility: 4, painPointIds: [pricing.id] },
  });
  b.card('opportunities', verify, 'Replace email verification with a magic link in the product', {
    opportunity: { impact: 2, feasibility: 1, painPointIds: [slowEmail.id] },
  });

  b.card('backstage', verify, 'Identity service sends the verification email');
  b.card('backstage', invite, 'Mail providers score invitations as bulk mail', {
    validated: { source: 'analytics' },
  });
  b.card('backstage', importDocs, 'Import converter turns Word files into pages');
  return map;
}
