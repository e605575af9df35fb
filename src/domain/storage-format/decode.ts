/**
 * THE entity decoder for Confluence storage format. Storage is XHTML that uses HTML's named
 * entities (`&nbsp;`, `&rsquo;` …) besides XML's, so this is the `entities` library's strict HTML
 * decoder: a reference needs its `;`, unknown names and lone `&` stay as written, and a numeric
 * reference outside Unicode (`&#99999999;`, `&#x110000;`, `&#0;`, surrogates) becomes U+FFFD.
 * It never throws, whatever the input. See docs/decisions/0019-storage-format-toolkit.md.
 */
import { decodeHTMLStrict } from 'entities';

/** Text or attribute content of storage as it reads: entities and character references decoded. */
export function decodeStorageText(raw: string): string {
  return raw.includes('&') ? decodeHTMLStrict(raw) : raw;
}
