/**
 * The v2 request bodies that write a page in storage format: one definition for the adapter
 * (`ConfluenceClient`) and the local host's shell, which writes through the same REST API.
 */

/** A storage-format body as v2 takes it. */
export function storageBody(storage: string): { representation: 'storage'; value: string } {
  return { representation: 'storage', value: storage };
}

/** POST body of a new current page: a child of `parentId`, or (null) of the space homepage. */
export function newPageBody(args: {
  spaceId: string;
  parentId: string | null;
  title: string;
  storage: string;
}) {
  return {
    spaceId: args.spaceId,
    status: 'current',
    title: args.title,
    ...(args.parentId ? { parentId: args.parentId } : {}),
    body: storageBody(args.storage),
  };
}

/** PUT body replacing a page's title and storage body as `version + 1` of `version`. */
export function pageUpdateBody(args: {
  id: string;
  title: string;
  storage: string;
  version: number;
  message: string;
}) {
  return {
    id: args.id,
    status: 'current',
    title: args.title,
    body: storageBody(args.storage),
    version: { number: args.version + 1, message: args.message },
  };
}
