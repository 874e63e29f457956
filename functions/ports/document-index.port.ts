// The document-index port: which drafted document (summary, sanction letter…) stands for which kind and key.
import type { DocumentEntry } from '../core/records/stored-record.js';

/** Where drafted documents are indexed (the record store's database). */
export interface DocumentIndex {
  /** The document index entry of a kind and key, or null. */
  getDocument(kind: string, key: string): Promise<DocumentEntry | null>;
  /** Creates the index entry once; false when one exists already (drafting is idempotent). */
  claimDocument(entry: DocumentEntry): Promise<boolean>;
  /** Updates an existing entry (a re-render into the same file). */
  updateDocument(entry: DocumentEntry): Promise<void>;
  /** Every entry, ordered by kind then key (the Dashboard lists the drafts not yet sent). */
  listDocuments(): Promise<DocumentEntry[]>;
}
