// Record digests in Firestore: `digests/{shard}` hold each record's hash, tombstone and commit time, so a sync reads a few documents, not every record.
import type { DocumentData, DocumentSnapshot, Firestore } from '@google-cloud/firestore';
import { createHash } from 'node:crypto';
import { DATA_TAB_NAMES } from '../../core/model/tabs.js';
import { digestOf, recordDigestSchema, recordKey, storedRecordSchema, type RecordDigest } from '../../core/records/stored-record.js';
import * as z from '../../core/zod-mini.js';
import { validDocument, validValue } from './firestore-errors.js';
import type { FirestoreLayout } from './firestore-layout.js';

/**
 * Shards the digests are spread over, by the SHA-256 of `Tab/ID`. A digest takes some 200 bytes, so 8 shards hold about
 * 40,000 records under Firestore's 1 MiB per document; changing the number makes the next read rebuild them.
 */
export const DIGEST_SHARDS = 8;

const markedHeadSchema = z.object({ digestShards: z.optional(z.int()) });

/** The shard of a record's digest. */
export function digestShardOf(key: string): number {
  return createHash('sha256').update(key, 'utf8').digest()[0]! % DIGEST_SHARDS;
}

/** The field of a record's digest in its shard: `r` and the key in hex, a name Firestore and its emulator take as is. */
function digestField(key: string): string {
  return `r${Buffer.from(key, 'utf8').toString('hex')}`;
}

/** The shard fields the records' digests set, by shard (merged into the shard: other records' digests stay). */
export function digestWrites(records: readonly RecordDigest[]): Map<number, DocumentData> {
  const shards = new Map<number, DocumentData>();
  for (const record of records) {
    const key = recordKey(record.tab, record.id);
    const shard = digestShardOf(key);
    const fields = shards.get(shard) ?? {};
    fields[digestField(key)] = digestOf(record);
    shards.set(shard, fields);
  }
  return shards;
}

/** The head field that says the digests are complete: set by the first commit of an empty store or by a rebuild. */
export const DIGESTS_COMPLETE = { digestShards: DIGEST_SHARDS } as const;

/** Every record's digest, keyed `Tab/ID`, and the `meta/head` snapshot read with them (it holds the audit head). */
export interface DigestsRead {
  readonly digests: Map<string, RecordDigest>;
  readonly head: DocumentSnapshot;
}

/**
 * Every record's digest, keyed `Tab/ID`. A store whose head does not say its digests are complete (written before
 * digests were kept, or with another number of shards) has them rebuilt from the records first, once.
 */
export async function readDigests(db: Firestore, layout: FirestoreLayout): Promise<DigestsRead> {
  const [head, shards] = await Promise.all([layout.head().get(), layout.digests().get()]);
  if (head.exists && validDocument(markedHeadSchema, head, 'audit head').digestShards !== DIGEST_SHARDS) return { digests: await rebuildDigests(db, layout), head };
  const digests = new Map<string, RecordDigest>();
  for (const shard of shards.docs) {
    for (const value of Object.values(shard.data())) {
      const digest = validValue(recordDigestSchema, value, shard.ref.path, 'record digest');
      digests.set(recordKey(digest.tab, digest.id), digest);
    }
  }
  return { digests, head };
}

/** Rewrites every shard from the records, drops shards beyond DIGEST_SHARDS, then marks the head. */
async function rebuildDigests(db: Firestore, layout: FirestoreLayout): Promise<Map<string, RecordDigest>> {
  const tabs = await Promise.all(DATA_TAB_NAMES.map((tab) => layout.records(tab).get()));
  const digests = new Map<string, RecordDigest>();
  for (const snapshot of tabs.flatMap((tab) => tab.docs)) {
    const record = validDocument(storedRecordSchema, snapshot, 'record');
    digests.set(recordKey(record.tab, record.id), digestOf(record));
  }
  const writes = digestWrites([...digests.values()]);
  const old = await layout.digests().get();
  const batch = db.batch();
  for (let n = 0; n < DIGEST_SHARDS; n += 1) batch.set(layout.digestShard(n), writes.get(n) ?? {});
  for (const shard of old.docs) if (!/^\d+$/.test(shard.id) || Number(shard.id) >= DIGEST_SHARDS) batch.delete(shard.ref);
  batch.set(layout.head(), DIGESTS_COMPLETE, { merge: true });
  await batch.commit();
  return digests;
}
