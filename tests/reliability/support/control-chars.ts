/** C0 control characters XML 1.0 cannot carry (all but tab, newline and carriage return). */

// eslint-disable-next-line no-control-regex -- matching these characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;

/** True when `s` holds a character XML 1.0 forbids. */
export function hasXmlForbiddenChar(s: string): boolean {
  return s.search(CONTROL) >= 0 || /[\ufffe\uffff]/.test(s);
}

/** `s` without the control characters the map's restore and XML drop. */
export function stripControls(s: string): string {
  return s.replace(CONTROL, '');
}
