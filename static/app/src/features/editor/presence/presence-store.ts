/**
 * Who has this map open and what each is typing in, from the presence channel (decision 0029).
 * Messages in, people out; a person not heard from for `PRESENCE_TTL_MS` (they left, went idle or
 * lost the network) is gone. Messages are untrusted JSON from other browsers (any browser on the
 * page can publish on the channel): the name and picture a message claims are never shown; each
 * account's are asked from Confluence as the viewer (decision 0052), and an account Confluence
 * does not know is not shown. Never used to decide anything.
 */
import { channelMessage } from '@domain/live/channel-message';
import type { FieldPath } from './field-path';
import { parseFieldPath } from './field-path';

/** How often a present person says so again (ms). */
export const PRESENCE_HEARTBEAT_MS = 60_000;
/** Silent this long = gone (two heartbeats missed, ms). */
export const PRESENCE_TTL_MS = 150_000;

/** Who one browser says it is: never trusted for a decision. */
export type PresenceSelf = {
  /** A per-tab id: the same person in two tabs is two entries merged by account. */
  tab: string;
  accountId: string;
  /** Their display name as they say it (sent for older clients; receivers ask Confluence). */
  name: string;
  /** Their picture's address as they say it (likewise never shown by a receiver). */
  avatar: string | null;
};

/** A person's name and picture as Confluence tells the viewer; null: no such account. */
export type Profile = { displayName: string; avatar: string | null };

/** Asks Confluence (as the viewer) for an account's profile. */
export type ProfileLookup = (accountId: string) => Promise<Profile | null>;

/** Accounts looked up at most per open map (a flood of invented ids costs no more). */
export const MAX_PROFILE_LOOKUPS = 100;

/** What one browser says about its person: who, the card or field being typed in, here or left. */
export type PresenceMessage = PresenceSelf & {
  kind: 'presence';
  /** The card being typed in, if any. */
  editing: string | null;
  /** The other text field being typed in, if any (absent from clients before decision 0054). */
  field?: FieldPath | null;
  state: 'here' | 'left';
  /** Sent on (re)connecting: everyone answers, since what they said meanwhile was missed. */
  ask?: boolean;
};

/** A person shown in the toolbar. */
export type Person = Omit<PresenceSelf, 'tab'> &
  Pick<PresenceMessage, 'editing'> & {
    /** The field they type in (not a card), if any. */
    field: FieldPath | null;
    /** When they were last heard from (ms). */
    seen: number;
    color: string;
  };

const COLORS = ['#1f6feb', '#b35900', '#8250df', '#1a7f37', '#cf222e', '#0969da', '#9a6700'];

/** A stable colour per account (the same person has the same colour in every browser). */
export function colorOf(accountId: string): string {
  let h = 0;
  for (const ch of accountId) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return COLORS[h % COLORS.length] ?? '#1f6feb';
}

/** Up to two initials of a name. */
export function initialsOf(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0], parts[parts.length - 1]] : [parts[0] ?? '?'];
  return letters.map((p) => (p ?? '?').charAt(0).toUpperCase()).join('');
}

/** Reads a message as it arrives; null for anything else. */
export function parsePresence(payload: unknown): PresenceMessage | null {
  const m = channelMessage(payload, 'presence');
  if (!m) return null;
  const str = (x: unknown, max: number) => (typeof x === 'string' ? x.slice(0, max) : null);
  const tab = str(m.tab, 64);
  const accountId = str(m.accountId, 128);
  const name = str(m.name, 120);
  if (!tab || !accountId || !name || (m.state !== 'here' && m.state !== 'left')) return null;
  return {
    kind: 'presence',
    tab,
    accountId,
    name,
    avatar: str(m.avatar, 500),
    editing: str(m.editing, 64),
    // An unknown or malformed field is not shown (the person still is): nothing is cut to fit.
    field: parseFieldPath(m.field),
    state: m.state,
    ...(m.ask === true ? { ask: true } : {}),
  };
}

type Tab = { msg: PresenceMessage; seen: number };

/** The people of one map, observable. */
export class PresenceStore {
  private tabs = new Map<string, Tab>();
  private listeners = new Set<() => void>();
  private snapshot: Person[] = [];
  /** Profiles Confluence answered (null: not an account it knows). */
  private readonly profiles = new Map<string, Profile | null>();
  private readonly asking = new Set<string>();

  constructor(
    private readonly selfTab: string,
    private readonly lookup: ProfileLookup,
  ) {}

  /** Takes a message (ours are ignored); true when someone is new or asks (answer with ours). */
  receive(msg: PresenceMessage, now: number): boolean {
    if (msg.tab === this.selfTab) return false;
    this.ask(msg.accountId);
    const known = this.tabs.has(msg.tab);
    if (msg.state === 'left') this.tabs.delete(msg.tab);
    else this.tabs.set(msg.tab, { msg, seen: now });
    this.update();
    return msg.state === 'here' && (!known || msg.ask === true);
  }

  /** Forgets everyone (the channel dropped: what they said meanwhile was missed). */
  reset(): void {
    if (this.tabs.size === 0) return;
    this.tabs.clear();
    this.update();
  }

  /** Forgets people not heard from within the TTL. */
  expire(now: number): void {
    let changed = false;
    for (const [tab, t] of this.tabs) {
      if (now - t.seen > PRESENCE_TTL_MS) {
        this.tabs.delete(tab);
        changed = true;
      }
    }
    if (changed) this.update();
  }

  /** Everyone else here, one entry per account (a card or field being typed in wins over none). */
  people(): Person[] {
    return this.snapshot;
  }

  /** The Confluence display name of an account seen on this map (or null). */
  nameOf(accountId: string): string | null {
    return this.profiles.get(accountId)?.displayName ?? null;
  }

  /** Records a profile known otherwise (our own, from Confluence). */
  rememberName(accountId: string, name: string): void {
    this.profiles.set(accountId, { displayName: name, avatar: null });
  }

  /** Asks Confluence once per account for its name and picture; the list updates on the answer. */
  private ask(accountId: string): void {
    if (this.profiles.has(accountId) || this.asking.has(accountId)) return;
    if (this.profiles.size + this.asking.size >= MAX_PROFILE_LOOKUPS) return;
    this.asking.add(accountId);
    void this.lookup(accountId)
      .catch(() => null)
      .then((profile) => {
        this.asking.delete(accountId);
        this.profiles.set(accountId, profile);
        this.update();
      });
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private update(): void {
    const byAccount = new Map<string, Person>();
    for (const { msg, seen } of this.tabs.values()) {
      // Shown only as Confluence names the account (an unknown or unanswered one: not yet).
      const profile = this.profiles.get(msg.accountId);
      if (!profile) continue;
      const prev = byAccount.get(msg.accountId);
      const busy = (p: { editing: string | null; field?: FieldPath | null }) =>
        Boolean(p.editing || p.field);
      if (prev && (busy(prev) || !busy(msg))) continue;
      byAccount.set(msg.accountId, {
        accountId: msg.accountId,
        name: profile.displayName,
        avatar: profile.avatar,
        editing: msg.editing,
        field: msg.field ?? null,
        seen,
        color: colorOf(msg.accountId),
      });
    }
    this.snapshot = [...byAccount.values()].sort((a, b) => a.name.localeCompare(b.name));
    for (const l of [...this.listeners]) l();
  }
}
