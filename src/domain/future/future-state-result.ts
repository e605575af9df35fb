/** What `map/createFutureState` answers (contract and use case share this one definition). */

/** The future-state map made (or found: a second call never duplicates) and the link's state. */
export type FutureStateResult = {
  future: { pageId: string; localId: string };
  /** Title and site-relative path of the page that holds the future-state map. */
  pageTitle: string;
  pageUrl: string;
  /** True when this call made the copy; false when an existing future-state map was found. */
  created: boolean;
  /** Whether the current map now links to it; when false, `linkError` says why (call again). */
  linked: boolean;
  linkError?: string;
  /** The current map's version after linking. */
  currentVersion: number;
};
