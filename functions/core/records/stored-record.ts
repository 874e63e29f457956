// The stored records: each row's last committed version, its content hash, and the runs and documents around them.
import * as z from '../zod-mini.js';
import { DATA_TAB_NAMES } from '../model/tabs.js';
import { auditSourceSchema } from '../audit/audit-entry.js';

/** One record (`records/{tab}/{id}`): the last committed version of a row. Tombstoned when the row disappears, never deleted. */
export const storedRecordSchema = z.object({
  tab: z.enum(DATA_TAB_NAMES as [string, ...string[]]),
  id: z.string().check(z.minLength(1)),
  /** SHA-256 of the canonical JSON of `data`. */
  hash: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  /** The typed row, without its sheet row number. */
  data: z.record(z.string(), z.unknown()),
  tombstoned: z.boolean(),
  committedAt: z.string(),
  runId: z.string(),
});

/** What a sync knows of a record without reading its data: enough to tell whether a row changed, and when. */
export const recordDigestSchema = z.pick(storedRecordSchema, { tab: true, id: true, hash: true, tombstoned: true, committedAt: true });

/** One sync (`runs/{id}`): who, when, what it counted. */
export const runRecordSchema = z.object({
  id: z.string().check(z.minLength(1)),
  workbook: z.string(),
  actor: z.string(),
  source: auditSourceSchema,
  startedAt: z.string(),
  finishedAt: z.string(),
  durationMs: z.number().check(z.gte(0)),
  counts: z.object({
    created: z.int(),
    updated: z.int(),
    tombstoned: z.int(),
    refused: z.int(),
    unchanged: z.int(),
    notCommitted: z.int(),
  }),
  findings: z.object({ errors: z.int(), warnings: z.int() }),
});

/**
 * One drafted document (`documents/{kind}/{key}`): what, where and when; created once per kind and key. `location`
 * is empty while the first draft is being published. `fingerprint` is what the last publish said (re-rendering the
 * same thing writes nothing), `version` the document's version right after it (a later version means a person
 * changed it), `updatedAt` when a re-render last updated it, `runId` the sync run it was last drawn from. The last
 * three were added later: entries written before read as null.
 */
export const documentEntrySchema = z.object({
  kind: z.string().check(z.minLength(1)),
  key: z.string().check(z.minLength(1)),
  location: z.string(),
  title: z.string(),
  draftedAt: z.string(),
  runId: z.string(),
  fingerprint: z._default(z.nullable(z.string()), null),
  version: z._default(z.nullable(z.string()), null),
  updatedAt: z._default(z.nullable(z.string()), null),
});

/** A stored record. */
export type StoredRecord = z.infer<typeof storedRecordSchema>;
/** A stored record's digest. */
export type RecordDigest = z.infer<typeof recordDigestSchema>;
/** A sync run. */
export type RunRecord = z.infer<typeof runRecordSchema>;
/** A drafted document's index entry. */
export type DocumentEntry = z.infer<typeof documentEntrySchema>;

/** The key of a record: `Tab/ID`, as audit entries name their entity. */
export function recordKey(tab: string, id: string): string {
  return `${tab}/${id}`;
}

/** The tab and ID of a `Tab/ID` key (tab names hold no `/`; IDs may). */
export function splitRecordKey(key: string): { readonly tab: string; readonly id: string } {
  const slash = key.indexOf('/');
  return { tab: key.slice(0, slash), id: key.slice(slash + 1) };
}

/** The digest of a record. */
export function digestOf(record: RecordDigest): RecordDigest {
  return { tab: record.tab, id: record.id, hash: record.hash, tombstoned: record.tombstoned, committedAt: record.committedAt };
}
