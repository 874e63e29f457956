// The documents port: where rendered HTML documents are put (files in a folder, Google Docs in Drive).

/** Where the last publish left a document, and the version it had then (as the document index remembered it). */
export interface PreviousPublish {
  readonly location: string;
  /**
   * The document's version right after that publish, or null when unknown (then it is overwritten unconditionally).
   * When the document's version now differs, a person has changed it since, and it is kept as they left it.
   */
  readonly version: string | null;
}

/** One rendered document to publish. */
export interface DocumentToPublish {
  /** The document kind (`update-report`, `notice`…): each kind has a folder of its own. */
  readonly kind: string;
  /** What the document is about within its kind (a meeting or paper ID); unique per kind. */
  readonly key: string;
  /** The title people see (the Doc's name in Drive). */
  readonly title: string;
  /** The whole rendered document. */
  readonly html: string;
  /** The earlier publish of this document, to update in place; null to publish it as a new document. */
  readonly previous: PreviousPublish | null;
}

/**
 * What a publish did: `created` a new document, `updated` the previous one in place, or `kept` the previous one
 * untouched because a person changed or removed it since it was published (nothing they wrote is overwritten).
 */
export type PublishOutcome = 'created' | 'updated' | 'kept';

/** Where a publish put the document. */
export interface PublishedDocument {
  /** Where the document now is, in the adapter's own format; remember it and pass it back in `previous`. */
  readonly location: string;
  readonly outcome: PublishOutcome;
  /** The version to remember: the document's version after this publish (after a `kept`, the one passed in). */
  readonly version: string | null;
  /** Why a document was kept, for people (`kept` only). */
  readonly reason?: string;
}

/** Puts rendered documents where people read them. */
export interface DocumentPublisher {
  /** Creates the document, or updates (or keeps) the one `previous` names; throws a coded error when it cannot. */
  publish(doc: DocumentToPublish): Promise<PublishedDocument>;
}
