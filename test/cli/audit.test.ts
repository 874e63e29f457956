// `cceg audit list|verify|export`: the store is only read, a missing store is refused, and a closed pipe ends the output quietly.
import { createInterface } from 'node:readline';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../functions/adapters/sqlite/sqlite-record-store.js';
import { createBatch } from '../adapters/store/record-store.fixtures.js';
import { cli, cliChild } from '../support/cli.js';

const root = mkdtempSync(join(tmpdir(), 'cceg-audit-cli-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const newDir = () => mkdtempSync(join(root, 'case-'));

/** A closed store file whose audit log holds `count` entries. */
async function storeWith(count: number): Promise<string> {
  const path = join(newDir(), 'group.cceg.db');
  const store = openSqliteStore(path);
  await store.commit(createBatch('run-1', count));
  await store.close();
  return path;
}

const schemaVersionOf = (path: string) => {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare("SELECT value FROM meta WHERE key = 'schema_version'").pluck().get();
  } finally {
    db.close();
  }
};

describe('cceg audit on a store file that does not exist', () => {
  it.each([['list'], ['verify'], ['export']])('audit %s exits 2 with one line naming the file, and creates nothing', async (verb) => {
    const dir = newDir();
    const path = join(dir, 'typo.db');

    const run = await cli(['audit', verb, '--store', `sqlite:${path}`]);

    expect(run.code).toBe(2);
    expect(run.out).toBe('');
    expect(run.err).toBe(`cceg: no audit log at ${path}: the file does not exist.\n`);
    expect(existsSync(path)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('cceg audit on an existing store', () => {
  it('only reads it: the database file keeps every byte, and a store of an older schema is not upgraded', async () => {
    const path = await storeWith(3);
    const db = new Database(path);
    db.exec("DROP TABLE edits; UPDATE meta SET value = '1' WHERE key = 'schema_version'");
    db.close();
    const bytes = readFileSync(path);

    for (const verb of ['list', 'verify', 'export']) expect((await cli(['audit', verb, '--store', `sqlite:${path}`])).code).toBe(0);
    const verified = await cli(['audit', 'verify', '--store', `sqlite:${path}`]);

    expect(verified.out).toBe('The audit log is intact: 3 entries, chain verified up to seq 3, every record matches it.\n');
    expect(readFileSync(path).equals(bytes)).toBe(true);
    expect(schemaVersionOf(path)).toBe('1');
  });
});

describe('cceg audit export into a pipe its reader closes', () => {
  it('stops writing, with exit 0 and nothing on stderr, when the reader has taken one line of 5,000 entries', async () => {
    const path = await storeWith(5_000);
    const { child, exited } = cliChild(['audit', 'export', '--store', `sqlite:${path}`, '--format', 'jsonl']);

    const lines = createInterface({ input: child.stdout });
    const first = await lines[Symbol.asyncIterator]().next();
    lines.close();
    child.stdout.destroy();
    const { code, signal, err } = await exited;

    expect(JSON.parse(String(first.value))).toMatchObject({ seq: 1, op: 'create' });
    expect(err).toBe('');
    expect({ code, signal }).toEqual({ code: 0, signal: null });
  });
});
