/** What a write-up generation answers: the `writeup/generate` result (contract and use case). */

/** The write-up page a generation wrote (or, in preview, would write) and its storage body. */
export type GeneratedWriteUp = {
  pageId: string;
  title: string;
  url: string;
  version: number;
  /** True when this call created the page; false when it updated the one made before. */
  created: boolean;
  /** When this generation ran (ISO instant): the write-up line's "generated … ago". */
  generatedAt: string;
  /** The storage-format body (preview only). */
  storage?: string;
  /** Said when the page recorded as the write-up was not this map's and was left alone. */
  notice?: string;
};
