/**
 * The page byline's glance at the page's journey maps ("Journey map · 2 cause abandonment ·
 * review due 3 Mar"), built from the page summary alone so the byline costs one property read,
 * in the viewer's language (`t`, and the date in `locale`'s form).
 */
import { format, parseISO } from 'date-fns';
import { enUS, zhCN } from 'date-fns/locale';
import type { AppLocale, Translate } from '../i18n';
import { reviewStatus } from '../review/review-dates';
import type { PageSummary } from './page-summary-schema';

/** What the byline item shows: its title and tooltip, and the state a host may colour. */
export type BylineLabel = {
  title: string;
  tooltip: string;
  /** `none`: no map; `stale`: a review date has passed; `dueSoon`: within 14 days; else `ok`. */
  status: 'none' | 'ok' | 'dueSoon' | 'stale';
};

const DATE_LOCALES = { 'en-US': enUS, 'zh-CN': zhCN } as const;

/**
 * The label for a page summary (null: the page has no summary). `today` is `YYYY-MM-DD`.
 * Pain counts are over every map of the page; the review is the earliest of them.
 */
export function bylineLabel(args: {
  summary: PageSummary | null;
  today: string;
  t: Translate;
  locale: AppLocale;
}): BylineLabel {
  const { summary, t } = args;
  if (!summary || summary.mapCount === 0) {
    return { title: t('byline.noMap.title'), tooltip: t('byline.noMap.tooltip'), status: 'none' };
  }
  const date = (iso: string): string =>
    format(parseISO(iso), t('byline.dateFormat'), { locale: DATE_LOCALES[args.locale] });
  const parts = [
    summary.mapCount === 1
      ? t('byline.title.oneMap')
      : t('byline.title.maps', { count: summary.mapCount }),
  ];
  if (summary.abandon > 0) parts.push(t('byline.title.abandon', { count: summary.abandon }));
  const status = reviewStatus({ nextReview: summary.nextReview, today: args.today });
  if (summary.nextReview && status === 'stale') {
    parts.push(t('byline.title.reviewOverdue', { date: date(summary.nextReview) }));
  } else if (summary.nextReview && status === 'dueSoon') {
    parts.push(t('byline.title.reviewDue', { date: date(summary.nextReview) }));
  }
  const tooltip = [
    t('byline.tooltip.painPoints', { count: summary.painPoints }),
    t(`byline.tooltip.state.${summary.state}`),
    summary.nextReview
      ? t('byline.tooltip.nextReview', { date: summary.nextReview })
      : t('byline.tooltip.noReview'),
  ].join(t('byline.sep'));
  return { title: parts.join(t('byline.sep')), tooltip, status };
}
