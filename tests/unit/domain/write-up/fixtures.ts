/** The worked example (Alana evaluates Confluence) as a finished session, for write-up tests. */
import type { JourneyMap } from '../../../../src/domain/model/schema';
import type { RoutingRules } from '../../../../src/domain/routing/routing-rules';
import { createFromTemplate } from '../../../../src/domain/templates';

/** The worked-example map after its session: people, photos, analysis answers. */
export function workedExampleSession(): JourneyMap {
  let n = 0;
  const map = createFromTemplate({
    template: 'worked-example',
    newId: () => `id${(n++).toString(36)}`,
    today: '2026-11-02',
  });
  const [first, second] = map.steps;
  map.session = {
    ...map.session,
    date: '2026-11-20',
    facilitator: { accountId: 'acc-admin', name: 'Avery Admin' },
    scribe: { accountId: 'acc-editor', name: 'Eddie Editor' },
    participants: [
      { accountId: null, name: 'Priya (support)' },
      { accountId: null, name: 'Sam (product)' },
    ],
    notes: 'We mapped the trial from sign-up to purchase.\n\nAlana stalls at inviting her team.',
    photos: [
      {
        attachmentId: 'att1',
        fileName: 'wall-overview.jpg',
        caption: 'The whole wall',
        stepId: null,
      },
      {
        attachmentId: 'att2',
        fileName: 'sign-up.png',
        caption: 'Sign-up stickies',
        stepId: first?.id ?? null,
      },
      {
        attachmentId: 'att3',
        fileName: 'pain-points.png',
        caption: '',
        stepId: second?.id ?? null,
      },
    ],
    analysis: {
      confusion: 'Inviting the team: nobody knows where the button is.',
      shortfalls: 'Templates do not match what a project team needs.',
      unmetNeeds: '',
      complication: 'Three verification emails before the first page.',
      opportunities: 'Guided invite flow; project templates.',
    },
  };
  map.review = { cadence: 'quarterly', lastReviewed: '2026-11-20' };
  map.updatedAt = '2026-11-20T16:30:00.000Z';
  return map;
}

/** Routing rules of the worked example's space. */
export const WORKED_EXAMPLE_RULES: RoutingRules = {
  channels: { web: 'Growth', email: 'Lifecycle marketing' },
  stages: { 'sign up': 'Onboarding' },
  lanes: { backstage: 'Platform' },
};

/** Inputs besides the map. */
export const WORKED_EXAMPLE_PAGE = { title: 'Alana evaluates Confluence' };
/** The day of generation. */
export const TODAY = '2026-11-23';
/** The instant of generation. */
export const GENERATED_AT = '2026-11-23T10:00:00.000Z';

/** Strings that have broken storage-format generators before. */
export const HOSTILE = [
  '<script>alert(1)</script>',
  ']]>',
  '<![CDATA[x]]>',
  '<ac:structured-macro ac:name="html"><ac:plain-text-body><![CDATA[<b>x</b>]]></ac:plain-text-body></ac:structured-macro>',
  '</p></td></tr></tbody></table><h1>owned</h1>',
  '&amp; &lt; &#60; &#x3C; &nbsp; &',
  '" onmouseover="alert(1)',
  "' autofocus '",
  '\u0000\u0001\u0008\u000b\u000c\u001f\u007f\u0085\u009f\ufffe\uffff',
  '\ud800 lone \udfff surrogates',
  '\u202egnp.exe \u200f عربى עברית',
  '👩🏽‍💻 🎉 e\u0301',
  '\t tab \n newline \r return',
];
