// The record store: one database that serves every store port (records and audit log, leases, edits, document index).
import type { DocumentIndex } from './document-index.port.js';
import type { EditInbox } from './edit-inbox.port.js';
import type { Leases } from './leases.port.js';
import type { RecordLog } from './record-log.port.js';

/** What a composition root opens (SQLite locally, Firestore in production): every store port over one connection. */
export interface RecordStore extends RecordLog, Leases, EditInbox, DocumentIndex {
  /** Closes connections and files. */
  close(): Promise<void>;
}
