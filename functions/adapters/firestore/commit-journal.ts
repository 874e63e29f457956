// The journaled commit: a sync is written to runs/{id}/chunks, applied chunk by chunk, then published by moving the
// head; a sync interrupted after its journal was written is rolled forward from it, so each sync lands whole.
import type { DocumentSnapshot, Firestore } from '@google-cloud/firestore';
import { auditEntrySchema, sameAuditHead, type AuditEntry, type AuditHead } from '../../core/audit/audit-entry.js';
import { storedRecordSchema, type RunRecord, type StoredRecord } from '../../core/records/stored-record.js';
import { CcegError } from '../../core/errors.js';
import * as z from '../../core/zod-mini.js';
import { damaged, isAlreadyExists, validDocument, validValue } from './firestore-errors.js';
import type { FirestoreLayout } from './firestore-layout.js';
import { DIGESTS_COMPLETE, digestWrites } from './record-digests.js';
import { unstorablePart } from './storable-values.js';

/** The Firestore client and where things are. */
export interface JournalContext {
  readonly db: Firestore;
  readonly layout: FirestoreLayout;
}

/** One chunk of a sync: applied with one WriteBatch, stored as one journal document. */
export interface JournalChunk {
  readonly records: readonly StoredRecord[];
  readonly entries: readonly AuditEntry[];
  /** The chunk as JSON, as the journal keeps it. */
  readonly payload: string;
}

/** A chunk (plus at most DIGEST_SHARDS digest writes) stays under Firestore's 500 writes per batch and well under its 1 MiB per document. */
export const CHUNK_LIMITS = { maxWrites: 400, maxBytes: 512 * 1024 } as const;

/** Journal documents written per batch (a Commit request may carry 10 MiB). */
const JOURNAL_BATCH_BYTES = 4 * 1024 * 1024;
const DELETES_PER_BATCH = 450;
/** Batches in flight at once: enough to hide Firestore's latency, few enough not to hot-spot `audit`. */
const PARALLEL_BATCHES = 4;

const hashText = z.string().check(z.regex(/^[0-9a-f]{64}$/));
const headSchema = z.object({ seq: z.int().check(z.gte(1)), hash: hashText });
/** `meta/head`: the last committed entry and the run that wrote it. */
const storedHeadSchema = z.extend(headSchema, { runId: z.string() });
/** What a run document holds besides the run: the journal's state. */
const journalSchema = z.object({
  id: z.string().check(z.minLength(1)),
  status: z.enum(['pending', 'committed']),
  chunkCount: z.int().check(z.gte(0)),
  headBefore: z.nullable(headSchema),
  headAfter: z.nullable(headSchema),
});
const chunkDocumentSchema = z.object({ n: z.int().check(z.gte(0)), payload: z.string() });
let chunkPayload: z.ZodMiniType<{ records: StoredRecord[]; entries: AuditEntry[] }> | null = null;
/** A journal chunk's payload; built on the first recovery (a commit only writes chunks, never reads them). */
function chunkPayloadSchema(): z.ZodMiniType<{ records: StoredRecord[]; entries: AuditEntry[] }> {
  return (chunkPayload ??= z.object({ records: z.array(storedRecordSchema), entries: z.array(auditEntrySchema) }));
}

/**
 * Splits a sync's writes into chunks, refusing (INTERNAL) values Firestore cannot hold. Each value goes through JSON
 * once, so what is applied now and what a recovery applies from the journal are the same (and never `undefined`).
 */
export function planChunks(records: readonly StoredRecord[], entries: readonly AuditEntry[], limits = CHUNK_LIMITS): JournalChunk[] {
  const chunks: JournalChunk[] = [];
  let open = { records: [] as StoredRecord[], entries: [] as AuditEntry[], json: { records: [] as string[], entries: [] as string[] }, bytes: 0 };
  const count = () => open.records.length + open.entries.length;
  const close = () => {
    if (count() === 0) return;
    const payload = `{"records":[${open.json.records.join(',')}],"entries":[${open.json.entries.join(',')}]}`;
    chunks.push({ records: open.records, entries: open.entries, payload });
    open = { records: [], entries: [], json: { records: [], entries: [] }, bytes: 0 };
  };
  const add = (json: string, kind: 'records' | 'entries') => {
    const bytes = Buffer.byteLength(json, 'utf8') + 1;
    if (count() > 0 && (count() + 1 > limits.maxWrites || open.bytes + bytes > limits.maxBytes)) close();
    open.bytes += bytes;
    open.json[kind].push(json);
  };
  for (const record of records) {
    const json = JSON.stringify(record);
    const plain = JSON.parse(json) as StoredRecord;
    refuseUnstorable(`record ${plain.tab}/${plain.id}`, { data: plain.data });
    add(json, 'records');
    open.records.push(plain);
  }
  for (const entry of entries) {
    const json = JSON.stringify(entry);
    const plain = JSON.parse(json) as AuditEntry;
    refuseUnstorable(`audit entry ${plain.seq}`, { before: plain.before, after: plain.after });
    add(json, 'entries');
    open.entries.push(plain);
  }
  close();
  return chunks;
}

/** The committed head of the audit log (`meta/head`), or null while the log is empty. */
export async function readHead({ layout }: JournalContext): Promise<AuditHead | null> {
  return headOf(await layout.head().get());
}

/** The head a snapshot of `meta/head` holds, or null while the log is empty. */
export function headOf(snapshot: DocumentSnapshot): AuditHead | null {
  if (!snapshot.exists) return null;
  const { seq, hash } = validDocument(storedHeadSchema, snapshot, 'audit head');
  return { seq, hash };
}

/** Writes the chunks, then the pending run that makes them count: a crash before that leaves no trace in the records. */
export async function writeJournal(
  { db, layout }: JournalContext, run: RunRecord, chunks: readonly JournalChunk[], headBefore: AuditHead | null, headAfter: AuditHead | null,
): Promise<void> {
  const groups: number[][] = [];
  let bytes = Infinity;
  for (const [n, chunk] of chunks.entries()) {
    if (bytes + chunk.payload.length > JOURNAL_BATCH_BYTES) {
      groups.push([]);
      bytes = 0;
    }
    groups.at(-1)!.push(n);
    bytes += chunk.payload.length;
  }
  await inParallel(groups, async (group) => {
    const batch = db.batch();
    for (const n of group) batch.set(layout.chunk(run.id, n), { n, payload: chunks[n]!.payload });
    await batch.commit();
  });
  const journal = { status: 'pending', chunkCount: chunks.length, headBefore, headAfter };
  await layout.run(run.id).set({ ...(JSON.parse(JSON.stringify(run)) as RunRecord), ...journal });
}

/** Applies chunks a few at a time (they touch distinct documents, so order does not matter). */
export async function applyChunks(context: JournalContext, chunks: readonly JournalChunk[]): Promise<void> {
  await inParallel(chunks, (chunk) => applyChunk(context, chunk, false));
}

/**
 * Applies one chunk with one WriteBatch: records are set, audit entries created (never overwritten). With `replay`
 * (a recovery), entries an interrupted attempt already wrote are checked against the journal and left as they are.
 */
export async function applyChunk({ db, layout }: JournalContext, chunk: JournalChunk, replay: boolean): Promise<void> {
  let entries = chunk.entries;
  if (replay && entries.length > 0) {
    const written = await db.getAll(...entries.map((entry) => layout.auditEntry(entry.seq)));
    const present = new Set<number>();
    for (const [index, snapshot] of written.entries()) {
      if (!snapshot.exists) continue;
      const entry = entries[index]!;
      if (snapshot.get('hash') !== entry.hash) throw damaged(snapshot.ref.path, `differs from entry ${entry.seq} of the interrupted sync that is being completed`);
      present.add(entry.seq);
    }
    entries = entries.filter((entry) => !present.has(entry.seq));
  }
  const batch = db.batch();
  // Entries first: should a create fail, the emulator (which applies a batch write by write) has changed no record.
  for (const entry of entries) batch.create(layout.auditEntry(entry.seq), entry);
  for (const record of chunk.records) batch.set(layout.record(record.tab, record.id), record);
  // The records' digests go in the same batch, so a replayed chunk restores them too.
  for (const [shard, fields] of digestWrites(chunk.records)) batch.set(layout.digestShard(shard), fields, { merge: true });
  try {
    await batch.commit();
  } catch (error) {
    if (!isAlreadyExists(error)) throw error;
    throw damaged(layout.audit().path, 'already holds an entry this sync was to append (did two syncs run at once?)');
  }
}

/**
 * Publishes the run (head and status in one batch), then drops its journal chunks. The head keeps its other fields;
 * after the first sync of an empty store it says that the digests are complete (every record got its digest).
 */
export async function finishRun(
  { db, layout }: JournalContext, runId: string, headBefore: AuditHead | null, headAfter: AuditHead | null, chunkCount: number,
): Promise<void> {
  const batch = db.batch();
  // A sync without entries leaves the head as it is: a sync that changes nothing writes only its run (and lease).
  if (headAfter !== null && !sameAuditHead(headBefore, headAfter)) {
    batch.set(layout.head(), { ...headAfter, runId, ...(headBefore === null ? DIGESTS_COMPLETE : {}) }, { merge: true });
  }
  batch.set(layout.run(runId), { status: 'committed' }, { merge: true });
  await batch.commit();
  try {
    for (let from = 0; from < chunkCount; from += DELETES_PER_BATCH) {
      const deletes = db.batch();
      for (let n = from; n < Math.min(chunkCount, from + DELETES_PER_BATCH); n += 1) deletes.delete(layout.chunk(runId, n));
      await deletes.commit();
    }
  } catch {
    // The sync is committed; chunks left behind are never read again (only pending runs are replayed).
  }
}

/** Rolls forward every run a crash left pending (at most one, as syncs hold a lease), oldest first. */
export async function recoverPendingRuns(context: JournalContext): Promise<void> {
  const pending = await context.layout.runs().where('status', '==', 'pending').get();
  const runs = pending.docs
    .map((snapshot) => ({ path: snapshot.ref.path, journal: validDocument(journalSchema, snapshot, 'run journal') }))
    .sort((a, b) => (a.journal.headBefore?.seq ?? 0) - (b.journal.headBefore?.seq ?? 0));
  for (const run of runs) await rollForward(context, run.path, run.journal);
}

async function rollForward(context: JournalContext, path: string, journal: z.infer<typeof journalSchema>): Promise<void> {
  const runId = journal.id;
  const head = await readHead(context);
  if (!sameAuditHead(head, journal.headBefore)) {
    if (sameAuditHead(head, journal.headAfter)) return finishRun(context, runId, journal.headBefore, journal.headAfter, journal.chunkCount);
    throw damaged(path, `is an interrupted sync that does not follow the head of the audit log (seq ${head?.seq ?? 0})`);
  }
  for (let n = 0; n < journal.chunkCount; n += 1) {
    const snapshot = await context.layout.chunk(runId, n).get();
    if (!snapshot.exists) throw damaged(path, `is an interrupted sync whose journal misses chunk ${n}`);
    const { payload } = validDocument(chunkDocumentSchema, snapshot, 'journal chunk');
    const chunk = validValue(chunkPayloadSchema(), parseJson(payload, snapshot.ref.path), snapshot.ref.path, 'journal chunk');
    await applyChunk(context, { ...chunk, payload }, true);
  }
  await finishRun(context, runId, journal.headBefore, journal.headAfter, journal.chunkCount);
}

function refuseUnstorable(what: string, fields: Record<string, unknown>): void {
  const problem = unstorablePart(fields, '');
  if (problem !== null) throw new CcegError('INTERNAL', `Firestore cannot store ${what}: ${problem}.`);
}

/** Runs `work` over `items`, at most PARALLEL_BATCHES at a time; after a failure no new item starts. */
async function inParallel<T>(items: readonly T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      const item = items[next++]!;
      try {
        await work(item);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_BATCHES, items.length) }, worker));
}

function parseJson(text: string, path: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw damaged(path, 'is not valid JSON');
  }
}
