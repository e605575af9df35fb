/** The write-up page's title: "<map title> — session write-up <date>", unique in the space. */
import type { Translate } from '../i18n/translate';
import { stripInvalidXmlChars } from '../storage-format/escape';
import { clipText } from '../model/clip-text';

/** Confluence's longest page title. */
export const MAX_TITLE_LENGTH = 255;

/**
 * The title for attempt `attempt` (1 = plain, 2 = "… (2)", …): used when another page of the
 * space already has the plain title. Whitespace is collapsed (Confluence trims titles) and the
 * map title is shortened so the whole stays within 255 characters.
 */
export function writeUpTitle(args: {
  mapTitle: string;
  date: string;
  attempt?: number;
  t: Translate;
}): string {
  const { t } = args;
  const attempt = args.attempt ?? 1;
  const suffix =
    t('writeup.title.suffix', { date: args.date }) + (attempt > 1 ? ` (${attempt})` : '');
  const name =
    stripInvalidXmlChars(args.mapTitle).replace(/\s+/g, ' ').trim() || t('writeup.untitledMap');
  return clipText(name, MAX_TITLE_LENGTH - suffix.length).trimEnd() + suffix;
}
