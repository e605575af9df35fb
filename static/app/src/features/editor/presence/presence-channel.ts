/**
 * Says who has the map open on its presence channel (decision 0029): "here" on open, again on
 * every change of the card or field being typed in (decision 0054) and every minute while the tab is visible; "left" on
 * close. A newcomer is answered once, so everyone sees everyone. Best effort on Forge Realtime's
 * installation-wide 50 operations/s: about one message per person per minute.
 */
import type { LiveChannels } from '../../../bridge/live';
import type { SyncEnvironment } from '../state/sync-engine';
import type { FieldPath } from './field-path';
import type { PresenceMessage, PresenceSelf, ProfileLookup } from './presence-store';
import { PRESENCE_HEARTBEAT_MS, PresenceStore, parsePresence } from './presence-store';

/** What a person types in: a card's text, another field, or neither (at most one is set). */
export type PresenceTarget = { card: string | null; field: FieldPath | null };

/** The presence half of one open macro. */
export class PresenceChannel {
  readonly store: PresenceStore;
  private target: PresenceTarget = { card: null, field: null };
  private unsubscribe: (() => void) | null = null;
  private cancelBeat: (() => void) | null = null;
  private cancelRetry: (() => void) | null = null;
  private stopped = false;
  private retries = 0;

  constructor(
    private readonly args: {
      channels: LiveChannels;
      channel: string;
      self: PresenceSelf;
      env: Pick<SyncEnvironment, 'setTimer' | 'isHidden' | 'now'>;
      /** Where others' names and pictures come from (Confluence, as the viewer). */
      lookup: ProfileLookup;
    },
  ) {
    this.store = new PresenceStore(args.self.tab, args.lookup);
    this.store.rememberName(args.self.accountId, args.self.name);
  }

  /** Subscribes and says "here". */
  start(): void {
    void this.connect();
    this.beat();
  }

  /** The card or field this person types in now; one message per change. */
  setEditing(target: PresenceTarget): void {
    if (target.card === this.target.card && target.field === this.target.field) return;
    this.target = target;
    this.say('here');
  }

  /** A hidden tab is not "here" (idle, or closing: said early, while the page can still send). */
  setVisible(visible: boolean): void {
    this.say(visible ? 'here' : 'left');
  }

  /** Says "left" and stops. */
  stop(): void {
    if (this.stopped) return;
    this.say('left');
    this.stopped = true;
    this.unsubscribe?.();
    this.cancelBeat?.();
    this.cancelRetry?.();
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    try {
      this.unsubscribe = await this.args.channels.subscribe(this.args.channel, {
        onEvent: (payload) => this.onMessage(payload),
        onDrop: () => this.retry(),
      });
      this.retries = 0;
      if (this.stopped) {
        this.unsubscribe();
        return;
      }
      // After a drop, what others said meanwhile (stopped typing, left) was missed: start afresh
      // and ask everyone to say where they are.
      this.store.reset();
      this.say('here', true);
    } catch {
      this.retry();
    }
  }

  private retry(): void {
    if (this.stopped) return;
    this.unsubscribe = null;
    this.retries++;
    const ms = Math.min(60_000, 2_000 * 2 ** Math.min(5, this.retries - 1));
    this.cancelRetry = this.args.env.setTimer(() => void this.connect(), ms);
  }

  private onMessage(payload: unknown): void {
    const msg = parsePresence(payload);
    if (!msg) return;
    const now = this.args.env.now().getTime();
    if (this.store.receive(msg, now)) this.say('here');
    this.store.expire(now);
  }

  private beat(): void {
    if (this.stopped) return;
    this.cancelBeat = this.args.env.setTimer(() => {
      this.store.expire(this.args.env.now().getTime());
      // A hidden tab stops saying it is here: others see it leave within the TTL (idle).
      if (!this.args.env.isHidden()) this.say('here');
      this.beat();
    }, PRESENCE_HEARTBEAT_MS);
  }

  private say(state: PresenceMessage['state'], ask = false): void {
    if (this.stopped) return;
    const { tab, accountId, name, avatar } = this.args.self;
    const msg: PresenceMessage = {
      kind: 'presence',
      tab,
      accountId,
      name,
      avatar,
      // A card stays in `editing` (what clients before decision 0054 read); a field is extra.
      editing: state === 'here' ? this.target.card : null,
      field: state === 'here' ? this.target.field : null,
      state,
      ...(ask ? { ask: true } : {}),
    };
    void this.args.channels.publish(this.args.channel, msg);
  }
}
