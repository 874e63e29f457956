// The SQLite warm-up's thread: checks every page of an existing store, then, when asked, reads every record's digest and the audit head.
// It imports only better-sqlite3 and node built-ins and uses erasable TypeScript alone, so that Node runs it from source as well.
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';

/**
 * The digest columns of every record in the order of tab and ID, each joined with NUL (IDs, hashes and times hold
 * none), the tabs as runs of records, and the head's meta values.
 */
export interface DigestColumns {
  readonly count: number;
  /** Each tab with how many records of it come next: `[['Meetings', 120], ['Roster', 4000]]`. */
  readonly tabRuns: readonly (readonly [string, number])[];
  readonly ids: string;
  readonly hashes: string;
  readonly tombstoned: string;
  readonly committedAt: string;
  readonly headSeq: string | null;
  readonly headHash: string | null;
  /** The indexes of the digests whose hash is not 64 lower-case hex digits or whose tombstone is not 0 or 1 (checked here, off the main thread). */
  readonly malformed: readonly number[];
}

/** A SHA-256 as the store keeps it (rows.ts checks the same on the main thread). */
const SHA256_HEX = /^[0-9a-f]{64}$/;

/** What the thread posts: the page check's verdict first, then (when asked) the digests, or null when it could not read them. */
export type WarmUpMessage = { readonly kind: 'checked'; readonly sound: boolean } | { readonly kind: 'digests'; readonly columns: DigestColumns | null };

/** Every record's digest columns and the head, in one read transaction of `db`. */
function readDigestColumns(db: Database.Database): DigestColumns {
  return db.transaction(() => {
    const tabRuns: [string, number][] = [];
    const ids: string[] = [];
    const hashes: string[] = [];
    const tombstoned: string[] = [];
    const committedAt: string[] = [];
    const malformed: number[] = [];
    const rows = db.prepare<[], [string, string, string, number, string]>('SELECT tab, id, hash, tombstoned, committed_at FROM records ORDER BY tab, id').raw();
    for (const [tab, id, hash, gone, at] of rows.iterate()) {
      if (typeof hash !== 'string' || !SHA256_HEX.test(hash) || (gone !== 0 && gone !== 1)) malformed.push(ids.length);
      const run = tabRuns[tabRuns.length - 1];
      if (run !== undefined && run[0] === tab) run[1]++;
      else tabRuns.push([tab, 1]);
      ids.push(id);
      hashes.push(hash);
      tombstoned.push(String(gone));
      committedAt.push(at);
    }
    const meta = db.prepare<[string], string>('SELECT value FROM meta WHERE key = ?').pluck();
    return {
      count: ids.length, tabRuns, ids: ids.join('\0'), hashes: hashes.join('\0'), tombstoned: tombstoned.join('\0'), committedAt: committedAt.join('\0'),
      headSeq: meta.get('head_seq') ?? null, headHash: meta.get('head_hash') ?? null, malformed,
    };
  })();
}

function warmUp(port: NonNullable<typeof parentPort>, path: string, busyTimeoutMs: number): void {
  const post = (message: WarmUpMessage) => port.postMessage(message);
  let db: Database.Database;
  try {
    db = new Database(path, { fileMustExist: true, timeout: busyTimeoutMs });
  } catch {
    post({ kind: 'checked', sound: false });
    port.close();
    return;
  }
  let sound = false;
  try {
    sound = db.pragma('quick_check', { simple: true }) === 'ok';
  } catch {
    sound = false;
  }
  post({ kind: 'checked', sound });
  if (!sound) {
    db.close();
    port.close();
    return;
  }
  port.once('message', () => {
    let columns: DigestColumns | null = null;
    try {
      columns = readDigestColumns(db);
    } catch {
      columns = null;
    }
    db.close();
    post({ kind: 'digests', columns });
    port.close();
  });
}

if (parentPort) {
  const { path, busyTimeoutMs } = workerData as { readonly path: string; readonly busyTimeoutMs: number };
  warmUp(parentPort, path, busyTimeoutMs);
}
