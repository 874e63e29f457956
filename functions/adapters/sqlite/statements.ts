// The prepared statements of the SQLite record store, each prepared once per connection, when first used.
import type Database from 'better-sqlite3';
import type { AuditRow, DigestRow, LeaseRow, RecordRow } from './rows.js';

/** The store's statements, prepared once so a 20,000-record commit only binds and steps. */
export type Statements = ReturnType<typeof prepareStatements>;

/**
 * Every statement the store runs, each prepared on first use: a read-only connection to a file of an older schema
 * (`cceg audit`) never prepares a statement that names a table or column the file does not have yet.
 */
export function prepareStatements(db: Database.Database) {
  return preparedOnFirstUse({
    allRecords: () => db.prepare<[], RecordRow>('SELECT * FROM records ORDER BY tab, id'),
    allDigests: () => db.prepare<[], DigestRow>('SELECT tab, id, hash, tombstoned, committed_at FROM records ORDER BY tab, id'),
    recordCount: () => db.prepare<[], number>('SELECT count(*) FROM records').pluck(),
    /**
     * One tab's digests in one string: each record's hash, tombstone (0 or 1) and ID run together, records joined with
     * NUL; with the tab's count, its latest commit time, and whether every field has the type it should (1, or 0).
     */
    tabDigests: () => db.prepare<[string], [number, string | null, string | null, number | null]>(
      `SELECT count(*), group_concat(hash || tombstoned || id, char(0)), max(committed_at),
         min(typeof(id) = 'text' AND typeof(hash) = 'text' AND typeof(committed_at) = 'text' AND tombstoned IN (0, 1))
       FROM records WHERE tab = ?`,
    ).raw(),
    committedAt: () => db.prepare<[string, string], string>('SELECT committed_at FROM records WHERE tab = ? AND id = ?').pluck(),
    record: () => db.prepare<[string, string], RecordRow>('SELECT * FROM records WHERE tab = ? AND id = ?'),
    upsertRecord: () => db.prepare<[RecordRow]>(
      `INSERT INTO records (tab, id, hash, data, tombstoned, committed_at, run_id)
       VALUES (@tab, @id, @hash, @data, @tombstoned, @committed_at, @run_id)
       ON CONFLICT (tab, id) DO UPDATE SET hash = excluded.hash, data = excluded.data, tombstoned = excluded.tombstoned,
         committed_at = excluded.committed_at, run_id = excluded.run_id`,
    ),
    insertEntry: () => db.prepare<[AuditRow]>(
      `INSERT INTO audit (seq, at, actor, source, entity, op, before, after, prev_hash, hash)
       VALUES (@seq, @at, @actor, @source, @entity, @op, @before, @after, @prev_hash, @hash)`,
    ),
    auditPage: () => db.prepare<[number, number], AuditRow>('SELECT * FROM audit WHERE seq > ? ORDER BY seq LIMIT ?'),
    meta: () => db.prepare<[string], string>('SELECT value FROM meta WHERE key = ?').pluck(),
    metaHead: () => db.prepare<[number, string], string>('SELECT substr(value, 1, ?) FROM meta WHERE key = ?').pluck(),
    setMeta: () => db.prepare<[string, string]>('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)'),
    run: () => db.prepare<[string], string>('SELECT json FROM runs WHERE id = ?').pluck(),
    upsertRun: () => db.prepare<[string, string]>('INSERT OR REPLACE INTO runs (id, json) VALUES (?, ?)'),
    lease: () => db.prepare<[string], LeaseRow>('SELECT holder, expires_at, pid, host FROM leases WHERE key = ?'),
    setLease: () => db.prepare<[string, string, number, number, string]>('INSERT OR REPLACE INTO leases (key, holder, expires_at, pid, host) VALUES (?, ?, ?, ?, ?)'),
    releaseLease: () => db.prepare<[string, string]>('DELETE FROM leases WHERE key = ? AND holder = ?'),
    insertNonce: () => db.prepare<[string, string]>('INSERT OR IGNORE INTO nonces (nonce, seen_at) VALUES (?, ?)'),
    document: () => db.prepare<[string, string], string>('SELECT json FROM documents WHERE kind = ? AND key = ?').pluck(),
    documents: () => db.prepare<[], string>('SELECT json FROM documents ORDER BY kind, key').pluck(),
    insertDocument: () => db.prepare<[string, string, string]>('INSERT OR IGNORE INTO documents (kind, key, json) VALUES (?, ?, ?)'),
    insertEdit: () => db.prepare<[string, string, string, string]>('INSERT OR IGNORE INTO edits (id, workbook, received_at, json) VALUES (?, ?, ?, ?)'),
    pendingEdits: () => db.prepare<[string], string>('SELECT json FROM edits WHERE workbook = ? AND applied_run IS NULL ORDER BY received_at, id').pluck(),
    applyEdit: () => db.prepare<[string, string]>('UPDATE edits SET applied_run = ? WHERE id = ? AND applied_run IS NULL'),
    upsertDocument: () => db.prepare<[string, string, string]>('INSERT OR REPLACE INTO documents (kind, key, json) VALUES (?, ?, ?)'),
  });
}

/** An object whose every property is made by its maker when first read, then kept. */
function preparedOnFirstUse<T extends object>(makers: { readonly [K in keyof T]: () => T[K] }): T {
  const made: Partial<T> = {};
  const statements = {} as T;
  for (const key of Object.keys(makers) as (keyof T)[]) {
    Object.defineProperty(statements, key, { enumerable: true, get: () => (made[key] ??= makers[key]()) });
  }
  return statements;
}
