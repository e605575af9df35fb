/** Records and shared types of the Confluence emulator (plain JSON so they can be journaled). */

/** Who is calling: a user (asUser), the app (asApp) or nobody. */
export type Principal =
  { kind: 'user'; accountId: string } | { kind: 'app' } | { kind: 'anonymous' };

/** A Confluence user. */
export type UserRecord = {
  accountId: string;
  email: string;
  displayName: string;
  /** The person's Confluence language (profile setting), e.g. `zh-CN`; en-US when absent. */
  locale?: string;
};

/** A space with a flat permission model (viewers may read, editors may also write). */
export type SpaceRecord = {
  id: string;
  key: string;
  name: string;
  createdAt: string;
  authorId: string;
  homepageId: string | null;
  viewers: string[];
  editors: string[];
  /** Space admins (the space's Admin permission); absent in journals written before it existed. */
  admins?: string[];
};

/** One version stamp, as Confluence keeps it on pages, properties and attachments. */
export type VersionRecord = {
  number: number;
  createdAt: string;
  authorId: string;
  message: string;
  minorEdit: boolean;
};

/**
 * A page or blog post (`type`, default page: both are content with the same fields; blog posts
 * have no parent). `trashed` content stays in the store but vanishes from lists and search; a
 * `draft` is seen only by its author and only when asked for (`get-draft`).
 */
export type PageRecord = {
  id: string;
  type?: 'page' | 'blogpost';
  spaceId: string;
  title: string;
  status: 'current' | 'draft' | 'trashed';
  parentId: string | null;
  body: string;
  authorId: string;
  createdAt: string;
  version: VersionRecord;
  /** Account ids allowed to view (empty = no restriction); inherited by descendants. */
  viewRestriction: string[];
  /** Account ids allowed to edit (empty = no restriction). */
  editRestriction: string[];
};

/** A content property of a page or a space property. */
export type PropertyRecord = {
  id: string;
  owner: 'page' | 'space';
  ownerId: string;
  key: string;
  value: unknown;
  createdAt: string;
  version: VersionRecord;
};

/** An attachment's metadata; the bytes live in the blob store under `blob`. */
export type AttachmentRecord = {
  id: string;
  pageId: string;
  title: string;
  mediaType: string;
  fileSize: number;
  comment: string;
  fileId: string;
  blob: string;
  createdAt: string;
  version: VersionRecord;
};

/** The collections of the store. */
export type CollectionName = 'users' | 'spaces' | 'pages' | 'properties' | 'attachments';

/** Record type by collection. */
export type RecordOf = {
  users: UserRecord;
  spaces: SpaceRecord;
  pages: PageRecord;
  properties: PropertyRecord;
  attachments: AttachmentRecord;
};

/** One journaled mutation: whole-record put or delete, so replay is idempotent. */
export type Mutation =
  | { op: 'put'; c: CollectionName; v: RecordOf[CollectionName]; seq: number }
  | { op: 'del'; c: CollectionName; id: string; seq: number }
  | { op: 'clear'; seq: number };

/** A searchable field declared by a `confluence:contentProperty` module. */
export type PropertyIndexField = {
  propertyKey: string;
  path: string;
  type: 'number' | 'string' | 'text' | 'user' | 'date';
  searchAlias: string;
};
