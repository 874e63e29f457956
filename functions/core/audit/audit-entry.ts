// The audit log's entries, as zod schemas (the stored shape) with the types derived from them.
import * as z from '../zod-mini.js';

/** Where a change came from. */
export const auditSourceSchema = z.enum(['sheet-edit', 'tick', 'cli']);
/** What happened to the entity. */
export const auditOpSchema = z.enum(['create', 'update', 'tombstone', 'refused']);

/** An audit entry before it is chained: everything but its place in the chain. */
export const auditDraftSchema = z.object({
  at: z.string(),
  actor: z.string(),
  source: auditSourceSchema,
  /** `Tab/ID`, e.g. `Roster/P-0001`. */
  entity: z.string(),
  op: auditOpSchema,
  before: z.nullable(z.unknown()),
  after: z.nullable(z.unknown()),
});

/** A chained audit entry, as stored (`audit/{seq}`). */
export const auditEntrySchema = z.extend(auditDraftSchema, {
  seq: z.int().check(z.gte(1)),
  prevHash: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  hash: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
});

/** Where a change came from. */
export type AuditSource = z.infer<typeof auditSourceSchema>;
/** What happened to the entity. */
export type AuditOp = z.infer<typeof auditOpSchema>;
/** An audit entry before it is chained. */
export type AuditDraft = z.infer<typeof auditDraftSchema>;
/** A chained audit entry. */
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** The last entry's place in the chain. */
export interface AuditHead {
  readonly seq: number;
  readonly hash: string;
}

/** Whether two heads are the same entry (both null: an empty log). */
export function sameAuditHead(a: AuditHead | null, b: AuditHead | null): boolean {
  return a === null || b === null ? a === b : a.seq === b.seq && a.hash === b.hash;
}
