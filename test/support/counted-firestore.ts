// Counts the document reads and writes one Firestore client makes, as Firestore bills them.
import { Firestore, Query, WriteBatch, type DocumentReference } from '@google-cloud/firestore';

/** What a client read and wrote since the counter started (or was last reset). */
export interface FirestoreCounter {
  /** Documents read: one per document asked for by `get`/`getAll`, one per query result (at least one per query). */
  reads(): number;
  /** The paths of the documents written (set, create, update, delete), in order. */
  writes(): string[];
  reset(): void;
  /** Puts the client library back as it was. */
  stop(): void;
}

/** Starts counting the reads and writes of `db` (other clients are not counted) by wrapping the client library's methods. */
export function countFirestore(db: Firestore): FirestoreCounter {
  let reads = 0;
  let writes: string[] = [];
  const getAll = Firestore.prototype.getAll;
  const get = Query.prototype.get;
  const commit = WriteBatch.prototype.commit;
  Firestore.prototype.getAll = function counted(this: Firestore, ...args: Parameters<Firestore['getAll']>) {
    if (this === db) reads += args.filter((arg) => typeof (arg as DocumentReference).path === 'string').length;
    return getAll.apply(this, args);
  };
  Query.prototype.get = async function counted(this: Query) {
    const snapshot = await get.call(this);
    if (this.firestore === db) reads += Math.max(1, snapshot.size);
    return snapshot;
  } as typeof Query.prototype.get;
  WriteBatch.prototype.commit = function counted(this: WriteBatch) {
    // `_ops` is the batch's TypeScript-private list of writes.
    const ops = (this as unknown as { _firestore: Firestore; _ops: { docPath: string }[] });
    if (ops._firestore === db) writes.push(...ops._ops.map((op) => op.docPath));
    return commit.call(this);
  };
  return {
    reads: () => reads,
    writes: () => [...writes],
    reset: () => {
      reads = 0;
      writes = [];
    },
    stop: () => {
      Firestore.prototype.getAll = getAll;
      Query.prototype.get = get;
      WriteBatch.prototype.commit = commit;
    },
  };
}
