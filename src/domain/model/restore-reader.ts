/**
 * A tolerant reader over raw stored JSON: each accessor returns a valid value for its field and
 * records a repair when it had to change something, or refuses (throws `Refusal`, caught by
 * `restore()`) when the document cannot be read without guessing.
 */
import type { Message } from '../i18n/message';
import { msg } from '../i18n/message';
import { cleanText, clampNumber, isRecord, own, sanitizeId } from './restore-values';

/** One change `restore()` made to stored data, by field path. */
export type RepairNote = { path: string; message: string; said: Message };

/**
 * Thrown inside the reader only; `restore()` turns it into a `RestoreError`. `reason` is the
 * English for logs, `rule` the same as a catalogue message for people (decision 0050).
 */
export class Refusal extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
    readonly rule: Message,
    readonly code: 'CORRUPT' | 'UNSUPPORTED_VERSION' = 'CORRUPT',
  ) {
    super(reason);
  }
}

/** One field of a stored record: the record, the field's key and the record's path. */
export type Field = { rec: Record<string, unknown>; key: string; path: string };

/** A short, safe rendering of a raw value for a repair message. */
export function describe(value: unknown): string {
  if (typeof value === 'string') return value.length > 40 ? `${value.slice(0, 40)}…` : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null || value === undefined) return 'none';
  return Array.isArray(value) ? 'a list' : 'an object';
}

/** `path.key`, or `key` at the root. */
export function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

/** Collects repairs while reading one document. */
export class Reader {
  readonly repairs: RepairNote[] = [];

  /** Records a repair: `message` in English for logs, `said` in catalogue words (0050). */
  repair(path: string, message: string, said: Message): void {
    this.repairs.push({ path, message, said });
  }

  /** Records a field reset to its default: missing (`value` undefined), else `message`/`said`. */
  private reset(path: string, value: unknown, message: string, said: Message): void {
    if (value === undefined) {
      this.repair(path, 'was missing; set to the default', msg('exchange.repair.missingDefault'));
    } else this.repair(path, message, said);
  }

  /** Stops reading: the document is refused. */
  refuse(path: string, reason: string, rule: Message): never {
    throw new Refusal(path, reason, rule);
  }

  /** A text field, cleaned and cut to `max`; `fallback` when missing or not text. */
  text(
    rec: Record<string, unknown>,
    key: string,
    path: string,
    max: number,
    fallback = '',
  ): string {
    const p = join(path, key);
    const value = own(rec, key);
    if (typeof value !== 'string') {
      this.reset(p, value, 'was not text; reset', msg('exchange.repair.notTextReset'));
      return fallback;
    }
    const stripped = cleanText(value, Number.POSITIVE_INFINITY);
    if (stripped !== value)
      this.repair(p, 'control characters removed', msg('exchange.repair.controlRemoved'));
    const cut = cleanText(stripped, max);
    if (cut !== stripped)
      this.repair(p, `shortened to ${max} characters`, msg('exchange.repair.shortened', { max }));
    return cut;
  }

  /** A nullable string that must pass `valid` (dates, instants); null otherwise. */
  nullableString({ rec, key, path }: Field, valid: (value: string) => boolean): string | null {
    const value = own(rec, key);
    if (value === null) return null;
    if (typeof value === 'string' && valid(value)) return value;
    if (value !== undefined)
      this.repair(join(path, key), 'was not valid; cleared', msg('exchange.repair.invalidCleared'));
    return null;
  }

  /** A number clamped (and rounded when `int`) into range; `fallback` when unusable. */
  number<F extends number | null>(
    rec: Record<string, unknown>,
    key: string,
    path: string,
    range: { min: number; max: number; int?: boolean; fallback: F },
  ): number | F {
    const p = join(path, key);
    const value = own(rec, key);
    if (value === null && range.fallback === null) return range.fallback;
    const n = clampNumber(value, range);
    if (n === null) {
      this.reset(p, value, 'was not a number; reset', msg('exchange.repair.notNumberReset'));
      return range.fallback;
    }
    if (n !== value) {
      const was = String(value);
      this.repair(
        p,
        `${was} was out of range; set to ${n}`,
        msg('exchange.repair.outOfRange', { was, n }),
      );
    }
    return n;
  }

  /** One of `values`; `fallback` otherwise. */
  oneOf<T extends string, F extends T | null>(
    rec: Record<string, unknown>,
    key: string,
    path: string,
    values: readonly T[],
    fallback: F,
  ): T | F {
    const value = own(rec, key);
    if (value === null && fallback === null) return fallback;
    if ((values as readonly unknown[]).includes(value)) return value as T;
    this.reset(
      join(path, key),
      value,
      'was not a known value; reset',
      msg('exchange.repair.unknownReset'),
    );
    return fallback;
  }

  /** A boolean; `fallback` otherwise. */
  bool(rec: Record<string, unknown>, key: string, path: string, fallback: boolean): boolean {
    const value = own(rec, key);
    if (typeof value === 'boolean') return value;
    this.reset(
      join(path, key),
      value,
      'was not true/false; reset',
      msg('exchange.repair.notYesNoReset'),
    );
    return fallback;
  }

  /**
   * A sub-object. Missing (or null) gives null so the caller fills defaults; any other non-object
   * is refused (`strict`, the map's own sections) or reported and treated as missing.
   */
  object(
    rec: Record<string, unknown>,
    key: string,
    path: string,
    strict: boolean,
  ): Record<string, unknown> | null {
    const p = join(path, key);
    const value = own(rec, key);
    if (isRecord(value)) return value;
    if (value === undefined || value === null) {
      this.repair(p, 'was missing; filled with defaults', msg('exchange.repair.missingFilled'));
      return null;
    }
    if (strict) this.refuse(p, 'is not an object', msg('errors.rule.notObject'));
    this.repair(p, 'was not an object; reset to defaults', msg('exchange.repair.notObjectReset'));
    return null;
  }

  /**
   * An array. `required`: a missing array is refused too; otherwise missing gives `[]`. A value
   * that is not an array is refused (`strict`) or reported and replaced by `[]`.
   */
  list(
    rec: Record<string, unknown>,
    key: string,
    path: string,
    mode: { strict: boolean; required?: boolean },
  ): unknown[] | null {
    const p = join(path, key);
    const value = own(rec, key);
    if (Array.isArray(value)) return value as unknown[];
    if (value === undefined || value === null) {
      if (mode.required === true) this.refuse(p, 'is missing', msg('errors.rule.missing'));
      this.repair(p, 'was missing; set to empty', msg('exchange.repair.missingEmpty'));
      return null;
    }
    if (mode.strict) this.refuse(p, 'is not a list', msg('errors.rule.notList'));
    this.repair(p, 'was not a list; emptied', msg('exchange.repair.notListEmptied'));
    return [];
  }

  /** An entity id, made well-formed; `fallback` when there is none. */
  id(rec: Record<string, unknown>, path: string, fallback: string): string {
    const value = own(rec, 'id');
    const id = sanitizeId(value);
    if (id === null) {
      this.repair(
        join(path, 'id'),
        `was missing or unusable; set to "${fallback}"`,
        msg('exchange.repair.idFallback', { id: fallback }),
      );
      return fallback;
    }
    if (id !== value)
      this.repair(
        join(path, 'id'),
        `had characters outside [A-Za-z0-9_-]; now "${id}"`,
        msg('exchange.repair.idCleaned', { id }),
      );
    return id;
  }

  /** A list of id references, sanitised the same way ids are, keeping those `keep` accepts. */
  idList({ rec, key, path }: Field, keep: (id: string) => boolean): string[] {
    const raw = this.list(rec, key, path, { strict: false }) ?? [];
    const out: string[] = [];
    let changed = false;
    for (const item of raw) {
      const id = sanitizeId(item);
      if (id === null || !keep(id) || out.includes(id)) {
        changed = true;
        continue;
      }
      if (id !== item) changed = true;
      out.push(id);
    }
    if (changed)
      this.repair(
        join(path, key),
        'unknown, duplicate or malformed references removed',
        msg('exchange.repair.refsRemoved'),
      );
    return out;
  }
}
