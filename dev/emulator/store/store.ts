/**
 * The emulator's state: in-memory collections with the indexes the routes need, every change
 * recorded as a whole-record mutation that the journal makes durable before a response leaves.
 */
import { createHash, randomUUID } from 'node:crypto';
import type {
  AttachmentRecord,
  CollectionName,
  Mutation,
  PageRecord,
  PropertyRecord,
  RecordOf,
  SpaceRecord,
  UserRecord,
  VersionRecord,
} from '../types';
import { Journal } from './journal';

type Collections = { [C in CollectionName]: Map<string, RecordOf[C]> };

function idOf(c: CollectionName, v: RecordOf[CollectionName]): string {
  return c === 'users' ? (v as UserRecord).accountId : (v as { id: string }).id;
}

/** Compact once the journal outgrows this many bytes (and the last snapshot). */
const COMPACT_MIN_BYTES = 16 * 1024 * 1024;

/** Input of `createPage`. */
export type CreatePageInput = {
  spaceKey: string;
  title: string;
  parentId?: string | null;
  body?: string;
  authorId: string;
  status?: 'current' | 'draft';
  /** A blog post (no parent) instead of a page. */
  type?: 'page' | 'blogpost';
};

/** The store: records, indexes, seeding helpers and durability. */
export class EmulatorStore {
  private c: Collections = emptyCollections();
  private seq = 1000;
  private pending: Mutation[] = [];
  private flushScheduled = false;
  private readonly memBlobs = new Map<string, Uint8Array>();
  private propsByOwner = new Map<string, Set<string>>();
  private attsByPage = new Map<string, Set<string>>();
  private childrenByParent = new Map<string, Set<string>>();
  private lastSnapshotBytes = 0;

  constructor(
    private readonly journal: Journal | null,
    private readonly now: () => Date,
    private readonly compactBytes = COMPACT_MIN_BYTES,
  ) {}

  /** Opens a store, replaying the snapshot and journal of `dataDir` when given. */
  static open(opts: { dataDir?: string; now: () => Date; compactBytes?: number }): EmulatorStore {
    if (!opts.dataDir) return new EmulatorStore(null, opts.now);
    const { journal, opened } = Journal.open(opts.dataDir);
    const store = new EmulatorStore(journal, opts.now, opts.compactBytes);
    if (opened.snapshot) {
      store.seq = opened.snapshot.seq;
      for (const name of COLLECTIONS) {
        for (const v of opened.snapshot.collections[name]) store.applyPut(name, v);
      }
      store.lastSnapshotBytes = opened.snapshotBytes;
    }
    for (const m of opened.mutations) store.apply(m);
    return store;
  }

  // ---- durability -------------------------------------------------------------------------

  private record(m: Mutation): void {
    this.apply(m);
    if (!this.journal) return;
    this.pending.push(m);
    if (!this.flushScheduled) {
      // Seeding code calls many mutators in a row: one fsync for the whole burst.
      this.flushScheduled = true;
      queueMicrotask(() => this.flush());
    }
  }

  /** Makes every change so far durable (fsync); routes call it before answering. */
  flush(): void {
    this.flushScheduled = false;
    if (!this.journal || this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    this.journal.append(batch);
    if (this.journal.size > Math.max(this.compactBytes, this.lastSnapshotBytes)) this.compact();
  }

  /** Writes a snapshot and starts a new journal. */
  compact(): void {
    if (!this.journal) return;
    this.flushPendingOnly();
    const collections = {
      users: [...this.c.users.values()],
      spaces: [...this.c.spaces.values()],
      pages: [...this.c.pages.values()],
      properties: [...this.c.properties.values()],
      attachments: [...this.c.attachments.values()],
    };
    this.lastSnapshotBytes = this.journal.compact({ seq: this.seq, collections });
  }

  private flushPendingOnly(): void {
    if (!this.journal || this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    this.journal.append(batch);
  }

  /** Flushes, compacts and closes the files. */
  close(): void {
    if (!this.journal) return;
    this.flushPendingOnly();
    this.compact();
    this.journal.close();
  }

  private apply(m: Mutation): void {
    this.seq = Math.max(this.seq, m.seq);
    if (m.op === 'put') this.applyPut(m.c, m.v);
    else if (m.op === 'del') this.applyDel(m.c, m.id);
    else this.applyClear();
  }

  private applyClear(): void {
    this.c = emptyCollections();
    this.propsByOwner = new Map();
    this.attsByPage = new Map();
    this.childrenByParent = new Map();
  }

  private applyPut(c: CollectionName, v: RecordOf[CollectionName]): void {
    const id = idOf(c, v);
    const prev = this.c[c].get(id);
    if (prev) this.unindex(c, prev);
    (this.c[c] as Map<string, RecordOf[CollectionName]>).set(id, v);
    this.index(c, v);
  }

  private applyDel(c: CollectionName, id: string): void {
    const prev = this.c[c].get(id);
    if (!prev) return;
    this.unindex(c, prev);
    this.c[c].delete(id);
  }

  private index(c: CollectionName, v: RecordOf[CollectionName]): void {
    if (c === 'properties') {
      const p = v as PropertyRecord;
      addTo(this.propsByOwner, `${p.owner}:${p.ownerId}`, p.id);
    } else if (c === 'attachments') {
      const a = v as AttachmentRecord;
      addTo(this.attsByPage, a.pageId, a.id);
    } else if (c === 'pages') {
      const p = v as PageRecord;
      addTo(this.childrenByParent, p.parentId ?? `space:${p.spaceId}`, p.id);
    }
  }

  private unindex(c: CollectionName, v: RecordOf[CollectionName]): void {
    if (c === 'properties') {
      const p = v as PropertyRecord;
      this.propsByOwner.get(`${p.owner}:${p.ownerId}`)?.delete(p.id);
    } else if (c === 'attachments') {
      const a = v as AttachmentRecord;
      this.attsByPage.get(a.pageId)?.delete(a.id);
    } else if (c === 'pages') {
      const p = v as PageRecord;
      this.childrenByParent.get(p.parentId ?? `space:${p.spaceId}`)?.delete(p.id);
    }
  }

  /** Next numeric id (shared by all entities, like Confluence's content ids). */
  nextId(): string {
    this.seq += 1;
    return String(this.seq);
  }

  /** Stores a whole record. */
  put<C extends CollectionName>(c: C, v: RecordOf[C]): RecordOf[C] {
    this.record({ op: 'put', c, v, seq: this.seq });
    return v;
  }

  /** Deletes a record. */
  del(c: CollectionName, id: string): void {
    this.record({ op: 'del', c, id, seq: this.seq });
  }

  /** Removes everything (ids keep counting up so stale ids never alias new records). */
  clear(): void {
    this.record({ op: 'clear', seq: this.seq });
  }

  // ---- reads ------------------------------------------------------------------------------

  /** Record by id. */
  get<C extends CollectionName>(c: C, id: string): RecordOf[C] | undefined {
    return this.c[c].get(id);
  }

  /** All records of a collection (insertion order). */
  all<C extends CollectionName>(c: C): IterableIterator<RecordOf[C]> {
    return this.c[c].values();
  }

  /** Counts per collection. */
  counts(): Record<CollectionName, number> {
    return {
      users: this.c.users.size,
      spaces: this.c.spaces.size,
      pages: this.c.pages.size,
      properties: this.c.properties.size,
      attachments: this.c.attachments.size,
    };
  }

  /** Space by key. */
  spaceByKey(key: string): SpaceRecord | undefined {
    for (const s of this.c.spaces.values()) if (s.key === key) return s;
    return undefined;
  }

  /** Properties of a page or space, ordered by numeric id. */
  propertiesOf(owner: 'page' | 'space', ownerId: string): PropertyRecord[] {
    const ids = this.propsByOwner.get(`${owner}:${ownerId}`) ?? new Set<string>();
    return [...ids]
      .map((id) => this.c.properties.get(id))
      .filter((p): p is PropertyRecord => p !== undefined)
      .sort(byNumericId);
  }

  /** One property by key. */
  propertyByKey(owner: 'page' | 'space', ownerId: string, key: string): PropertyRecord | undefined {
    return this.propertiesOf(owner, ownerId).find((p) => p.key === key);
  }

  /** Attachments of a page, ordered by id. */
  attachmentsOf(pageId: string): AttachmentRecord[] {
    const ids = this.attsByPage.get(pageId) ?? new Set<string>();
    return [...ids]
      .map((id) => this.c.attachments.get(id))
      .filter((a): a is AttachmentRecord => a !== undefined)
      .sort((a, b) => byNumericId({ id: a.id.slice(3) }, { id: b.id.slice(3) }));
  }

  /** Direct children of a page (any status). */
  childrenOf(pageId: string): PageRecord[] {
    const ids = this.childrenByParent.get(pageId) ?? new Set<string>();
    return [...ids]
      .map((id) => this.c.pages.get(id))
      .filter((p): p is PageRecord => p !== undefined)
      .sort(byNumericId);
  }

  /** Ancestors of a page, root first. */
  ancestorsOf(page: PageRecord): PageRecord[] {
    const out: PageRecord[] = [];
    let cur = page.parentId ? this.c.pages.get(page.parentId) : undefined;
    while (cur && out.length < 100) {
      out.unshift(cur);
      cur = cur.parentId ? this.c.pages.get(cur.parentId) : undefined;
    }
    return out;
  }

  /** Attachment bytes. */
  readBlob(hash: string): Uint8Array | null {
    return this.memBlobs.get(hash) ?? this.journal?.readBlob(hash) ?? null;
  }

  /** Stores attachment bytes, durably when persistent. */
  writeBlob(bytes: Uint8Array): string {
    if (this.journal) return this.journal.writeBlob(bytes);
    const hash = createHash('sha256').update(bytes).digest('hex');
    this.memBlobs.set(hash, bytes);
    return hash;
  }

  // ---- seeding helpers (also used by the routes) ----------------------------------------------

  /** A version stamp for "now". */
  stamp(number: number, authorId: string, message = '', minorEdit = false): VersionRecord {
    return { number, createdAt: this.now().toISOString(), authorId, message, minorEdit };
  }

  /** Adds (or replaces) a user. */
  addUser(user: UserRecord): UserRecord {
    return this.put('users', { ...user });
  }

  /**
   * Creates a space; by default everyone known may view and nobody but the author edit. The
   * author administers it (as Confluence makes a space's creator its admin) unless `admins` says.
   */
  createSpace(input: {
    key: string;
    name: string;
    authorId?: string;
    viewers?: string[];
    editors?: string[];
    admins?: string[];
  }): SpaceRecord {
    if (this.spaceByKey(input.key)) throw new Error(`space ${input.key} exists`);
    const authorId = input.authorId ?? 'acc-admin';
    return this.put('spaces', {
      id: this.nextId(),
      key: input.key,
      name: input.name,
      createdAt: this.now().toISOString(),
      authorId,
      homepageId: null,
      viewers: input.viewers ?? [],
      editors: input.editors ?? [authorId],
      admins: input.admins ?? [authorId],
    });
  }

  /**
   * Sets who may view, edit and administer a space (editors can always view; admins keep what
   * they had when `admins` is left out).
   */
  setSpacePermissions(input: {
    spaceKey: string;
    viewers: string[];
    editors: string[];
    admins?: string[];
  }): void {
    const space = this.requireSpace(input.spaceKey);
    this.put('spaces', {
      ...space,
      viewers: [...input.viewers],
      editors: [...input.editors],
      admins: [...(input.admins ?? space.admins ?? [])],
    });
  }

  /** Sets a space's homepage. */
  setHomepage(spaceKey: string, pageId: string): void {
    const space = this.requireSpace(spaceKey);
    this.put('spaces', { ...space, homepageId: pageId });
  }

  private requireSpace(key: string): SpaceRecord {
    const space = this.spaceByKey(key);
    if (!space) throw new Error(`no space ${key}`);
    return space;
  }

  /** Creates a page directly (no permission or title checks beyond existence). */
  createPage(input: CreatePageInput): PageRecord {
    const space = this.requireSpace(input.spaceKey);
    const createdAt = this.now().toISOString();
    const blogpost = input.type === 'blogpost';
    return this.put('pages', {
      id: this.nextId(),
      ...(blogpost ? { type: 'blogpost' as const } : {}),
      spaceId: space.id,
      title: input.title,
      status: input.status ?? 'current',
      parentId: blogpost ? null : (input.parentId ?? space.homepageId ?? null),
      body: input.body ?? '',
      authorId: input.authorId,
      createdAt,
      version: { number: 1, createdAt, authorId: input.authorId, message: '', minorEdit: false },
      viewRestriction: [],
      editRestriction: [],
    });
  }

  /** Sets page restrictions (omitted = unchanged; empty array = no restriction). */
  restrictPage(input: { pageId: string; view?: string[]; edit?: string[] }): PageRecord {
    const page = this.c.pages.get(input.pageId);
    if (!page) throw new Error(`no page ${input.pageId}`);
    return this.put('pages', {
      ...page,
      viewRestriction: input.view ? [...input.view] : page.viewRestriction,
      editRestriction: input.edit ? [...input.edit] : page.editRestriction,
    });
  }

  /**
   * Creates or updates (version + 1) a property by key; name the owner with `pageId`, `spaceId`
   * or `owner` + `ownerId`.
   */
  putProperty(input: {
    pageId?: string;
    spaceId?: string;
    owner?: 'page' | 'space';
    ownerId?: string;
    key: string;
    value: unknown;
    authorId?: string;
  }): PropertyRecord {
    const owner = input.spaceId !== undefined ? 'space' : (input.owner ?? 'page');
    const ownerId = input.pageId ?? input.spaceId ?? input.ownerId;
    if (ownerId === undefined) throw new Error('putProperty needs pageId, spaceId or ownerId');
    const authorId = input.authorId ?? 'acc-admin';
    const existing = this.propertyByKey(owner, ownerId, input.key);
    if (existing) {
      return this.put('properties', {
        ...existing,
        value: input.value,
        version: this.stamp(existing.version.number + 1, authorId),
      });
    }
    const version = this.stamp(1, authorId);
    return this.put('properties', {
      id: this.nextId(),
      owner,
      ownerId,
      key: input.key,
      value: input.value,
      createdAt: version.createdAt,
      version,
    });
  }

  /** Adds an attachment, or a new version when the page already has one with that file name. */
  addAttachment(input: {
    pageId: string;
    fileName: string;
    mediaType: string;
    bytes: Uint8Array;
    comment?: string;
    authorId?: string;
    minorEdit?: boolean;
  }): AttachmentRecord {
    const authorId = input.authorId ?? 'acc-admin';
    const blob = this.writeBlob(input.bytes);
    const existing = this.attachmentsOf(input.pageId).find((a) => a.title === input.fileName);
    const base = {
      mediaType: input.mediaType,
      fileSize: input.bytes.byteLength,
      comment: input.comment ?? '',
      blob,
    };
    if (existing) {
      return this.put('attachments', {
        ...existing,
        ...base,
        version: this.stamp(
          existing.version.number + 1,
          authorId,
          input.comment ?? '',
          input.minorEdit ?? false,
        ),
      });
    }
    const version = this.stamp(1, authorId, input.comment ?? '', input.minorEdit ?? false);
    return this.put('attachments', {
      id: `att${this.nextId()}`,
      pageId: input.pageId,
      title: input.fileName,
      fileId: randomUUID(),
      createdAt: version.createdAt,
      version,
      ...base,
    });
  }
}

const COLLECTIONS: CollectionName[] = ['users', 'spaces', 'pages', 'properties', 'attachments'];

function emptyCollections(): Collections {
  return {
    users: new Map(),
    spaces: new Map(),
    pages: new Map(),
    properties: new Map(),
    attachments: new Map(),
  };
}

function addTo(map: Map<string, Set<string>>, key: string, id: string): void {
  let set = map.get(key);
  if (!set) {
    set = new Set();
    map.set(key, set);
  }
  set.add(id);
}

/** Orders records by their numeric id. */
export function byNumericId(a: { id: string }, b: { id: string }): number {
  return Number(a.id) - Number(b.id);
}
