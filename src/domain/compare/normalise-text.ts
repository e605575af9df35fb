/** Text normalised for matching items across two maps that were edited independently. */

/**
 * Lower case, compatibility-normalised, punctuation and symbols dropped, whitespace collapsed:
 * "Can't find  the PRICE!" and "cant find the price" match; an empty result matches nothing.
 */
export function normaliseText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}\p{Cc}\p{Cf}]/gu, '')
    .replace(/\s+/gu, ' ')
    .trim();
}
