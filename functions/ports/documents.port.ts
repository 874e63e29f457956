// The documents port: where rendered HTML documents are put (files in a folder, Google Docs in Drive).

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
  /**
   * Where a previous run put this document, as the document index (`store.getDocument`) remembered it, or null.
   * When it is the adapter's own kind of location, that document is updated in place instead of a new one created.
   */
  readonly existingLocation: string | null;
}

/** Where a publish put the document. */
export interface PublishedDocument {
  /** Where the document now is, in the adapter's own format; remember it and pass it back as `existingLocation`. */
  readonly location: string;
  /** True when a new document was made, false when an existing one was overwritten. */
  readonly created: boolean;
}

/** Puts rendered documents where people read them. */
export interface DocumentPublisher {
  /** Creates the document, or updates the one at `existingLocation`; throws a coded error when it cannot. */
  publish(doc: DocumentToPublish): Promise<PublishedDocument>;
}
