// The SQLite tables (the same shape as the Firestore collections) and their idempotent, versioned creation.
import type Database from 'better-sqlite3';
import { DAMAGED, unavailable } from './sqlite-errors.js';

/**
 * The version of the tables below; kept in `meta` so a newer file is refused rather than misread (2 added `edits`,
 * 3 the PID and host of a lease's process).
 */
export const SCHEMA_VERSION = 3;

/**
 * `meta` keys; `row_hashes` holds the row hashes remembered for the last workbook file synced with nothing to write
 * back, and `row_hashes_head` its first characters (whose file it is, and whether its sync was settled), written with
 * it: caches a cceg that does not know them ignores, so they need no new schema. A head left by a cceg that wrote
 * `row_hashes` without it may name another file; the whole text, whose first line is checked again, decides.
 */
export const META = { schemaVersion: 'schema_version', headSeq: 'head_seq', headHash: 'head_hash', rowHashes: 'row_hashes', rowHashesHead: 'row_hashes_head' } as const;

const TABLES = `
  CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS records (
    tab TEXT NOT NULL, id TEXT NOT NULL, hash TEXT NOT NULL, data TEXT NOT NULL,
    tombstoned INTEGER NOT NULL, committed_at TEXT NOT NULL, run_id TEXT NOT NULL,
    PRIMARY KEY (tab, id));
  CREATE TABLE IF NOT EXISTS audit (
    seq INTEGER PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL, source TEXT NOT NULL, entity TEXT NOT NULL,
    op TEXT NOT NULL, before TEXT NOT NULL, after TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS runs (id TEXT PRIMARY KEY, json TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS leases (key TEXT PRIMARY KEY, holder TEXT NOT NULL, expires_at INTEGER NOT NULL, pid INTEGER, host TEXT);
  CREATE TABLE IF NOT EXISTS nonces (nonce TEXT PRIMARY KEY, seen_at TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS documents (kind TEXT NOT NULL, key TEXT NOT NULL, json TEXT NOT NULL, PRIMARY KEY (kind, key));
  CREATE TABLE IF NOT EXISTS edits (
    id TEXT PRIMARY KEY, workbook TEXT NOT NULL, received_at TEXT NOT NULL, json TEXT NOT NULL, applied_run TEXT);
  CREATE INDEX IF NOT EXISTS edits_pending ON edits (workbook, received_at, id) WHERE applied_run IS NULL;
`;

/** Schema 3: the leases of a file written before it gain the PID and host of their process (unknown: never taken over early). */
function addLeaseHolderProcess(db: Database.Database): void {
  const columns = new Set(db.prepare<[], string>("SELECT name FROM pragma_table_info('leases')").pluck().all());
  if (!columns.has('pid')) db.exec('ALTER TABLE leases ADD COLUMN pid INTEGER');
  if (!columns.has('host')) db.exec('ALTER TABLE leases ADD COLUMN host TEXT');
}

/**
 * Checks the file is an undamaged, empty database or one of ours, then sets WAL and FULL sync and creates the tables once.
 * Reads before it writes, so a file that is not a database, another program's database or a newer one is left as it was.
 * `readOnly` (a connection that may not write): only the checks, and an empty database is refused too.
 */
export function prepareDatabase(db: Database.Database, path: string, options: { readonly readOnly?: boolean; readonly pagesChecked?: boolean } = {}): void {
  const tables = db.prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
  // A damaged page mostly shows only when read; check them all before anything is written (60 ms at 60,000 rows),
  // unless another thread has just done so (`pagesChecked`: a CLI sync's warm-up).
  if (!options.pagesChecked && db.pragma('quick_check', { simple: true }) !== 'ok') throw unavailable(path, DAMAGED);
  const version = tables.includes('meta') ? readSchemaVersion(db) : null;
  if (version === null && tables.length > 0) throw unavailable(path, 'a SQLite database of another program (it has no cceg tables)');
  if (version !== null && version > SCHEMA_VERSION) {
    throw unavailable(path, `written by a newer cceg (schema ${version}; this one knows up to ${SCHEMA_VERSION})`);
  }
  if (options.readOnly) {
    if (version === null) throw unavailable(path, 'an empty database, not a cceg store');
    return;
  }
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  if (version === SCHEMA_VERSION) return;
  db.transaction(() => {
    db.exec(TABLES);
    if (version !== null && version < 3) addLeaseHolderProcess(db);
    db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run(META.schemaVersion, String(SCHEMA_VERSION));
  }).immediate();
}

function readSchemaVersion(db: Database.Database): number | null {
  const value = db.prepare<[string], string>('SELECT value FROM meta WHERE key = ?').pluck().get(META.schemaVersion);
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : null;
}
