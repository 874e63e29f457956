// A tick killed at its timeout (after its claim, before its drafts): the scheduler's retry takes it over and drafts everything once.
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { googleIdTokenVerifier } from '../../functions/adapters/oidc/google-id-token-verifier.js';
import { readXlsxWorkbook } from '../../functions/adapters/xlsx/read-xlsx.js';
import { readEnvironment } from '../../functions/config/environment.js';
import { dueDocuments } from '../../functions/core/documents/due-documents.js';
import { parseWorkbook } from '../../functions/core/parse/parse-workbook.js';
import type { FunctionDeps } from '../../functions/entry/function-deps.js';
import { createHandlers } from '../../functions/entry/handlers.js';
import { runtimeDeps } from '../../functions/entry/runtime.js';
import { TICK_KIND } from '../../functions/entry/tick.js';
import { serveFunctions, type RunningFunctions } from '../support/functions/function-server.js';
import { AUDIENCE, functionsConfig, PEOPLE, SECRET } from '../support/functions/functions-fixture.js';
import { startTokenIssuer, type TokenIssuer } from '../support/functions/id-tokens.js';
import { minusDays, SAMPLE_WORKBOOK, sampleAgm } from '../support/sample-agm.js';

const CHILD = join(import.meta.dirname, '..', 'support', 'functions', 'tick-process.ts');
const dir = mkdtempSync(join(tmpdir(), 'cceg-tick-killed-'));
const workbook = join(dir, 'group.xlsx');
const documents = join(dir, 'documents');
const marker = join(dir, 'publishing');
const environment = { CCEG_WORKBOOK: workbook, CCEG_STORE: `sqlite:${join(dir, 'store.cceg.db')}`, CCEG_DOCUMENTS: documents, CCEG_WEBHOOK_SECRET: SECRET };

let issuer: TokenIssuer;
let day = '';
let scheduleTime = '';
let killed: ChildProcess | undefined;

beforeAll(async () => {
  copyFileSync(SAMPLE_WORKBOOK, workbook);
  issuer = await startTokenIssuer();
  day = sampleAgm(parseWorkbook(await readXlsxWorkbook(SAMPLE_WORKBOOK)).group.rows).draftDay;
  scheduleTime = `${day}T06:00:00Z`;
});
afterAll(async () => {
  killed?.kill('SIGKILL');
  await issuer?.close();
});

const deliver = (url: string) => fetch(url, {
  method: 'POST',
  headers: { authorization: `Bearer ${issuer.sign({ aud: AUDIENCE.tick, email: PEOPLE.scheduler })}`, 'x-cloudscheduler-scheduletime': scheduleTime },
});

/** The tick function in this process, as a later instance would run it, with its clock at `now`. */
async function instanceAt(now: string): Promise<{ functions: RunningFunctions; deps: FunctionDeps }> {
  const production = await runtimeDeps(readEnvironment(environment));
  const deps: FunctionDeps = { ...production, config: functionsConfig(), verifier: googleIdTokenVerifier({ certsUrl: issuer.certsUrl }), now: () => new Date(now) };
  return { functions: await serveFunctions(createHandlers(deps)), deps };
}

/** Runs the tick in a child process, delivers the schedule time, and SIGKILLs the child once it is about to publish. */
async function killTickHalfWay(): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
    env: { ...process.env, ...environment, TEST_NOW: `${day}T06:00:05Z`, TEST_CERTS_URL: issuer.certsUrl, TEST_MARKER: marker },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  killed = child;
  const [url] = await createInterface({ input: child.stdout! })[Symbol.asyncIterator]().next().then((line) => [String(line.value)]);
  const delivery = deliver(url!).then((response) => response.status, () => 'connection lost');
  for (let waited = 0; !existsSync(marker); waited += 50) {
    if (waited > 90_000) throw new Error('The tick never reached its first draft');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
  expect(await delivery).toBe('connection lost');
}

describe('a tick killed half way, then retried by Cloud Scheduler', () => {
  it('is taken over after the function\'s timeout, and every due document is drafted exactly once', async () => {
    await killTickHalfWay();
    const claimKey = `${workbook}@${new Date(scheduleTime).toISOString()}`;
    const all = dueDocuments(parseWorkbook(await readXlsxWorkbook(workbook)).group.rows, day as never, functionsConfig());
    // A notice or dissent notice whose moment came more than reports.backfillDays (7) before the day is skipped, not drafted.
    const past = all.filter(({ since }) => since !== null && since < minusDays(day, 7));
    const due = all.filter((document) => !past.includes(document));
    expect(due.length).toBeGreaterThan(1);
    expect(past.length).toBeGreaterThan(0);

    // A retry within the timeout: the killed tick may still be running, so it is a duplicate.
    const early = await instanceAt(`${day}T06:05:00Z`);
    try {
      expect((await early.deps.store.getDocument(TICK_KIND, claimKey))?.location).toBe('running');
      const response = await deliver(early.functions.url.tick);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ duplicate: true, state: 'running' });
      expect(existsSync(documents) ? readdirSync(documents) : []).toEqual([]);
    } finally {
      await early.functions.close();
      await early.deps.store.close();
    }

    // The retry after the timeout (540 s): it takes the tick over and drafts every document, the one the dead tick claimed too.
    const late = await instanceAt(`${day}T06:10:00Z`);
    try {
      const response = await deliver(late.functions.url.tick);
      const body = await response.json() as { duplicate: boolean; documents: { drafted: number; failed: number; list: { kind: string; key: string; outcome: string }[] } };
      expect(response.status, JSON.stringify(body)).toBe(200);
      expect(body.duplicate).toBe(false);
      expect(body.documents.list.map(({ kind, key, outcome }) => [kind, key, outcome]).sort())
        .toEqual([...due.map(({ kind, key }) => [kind, key, 'drafted']), ...past.map(({ kind, key }) => [kind, key, 'skipped'])].sort());
      const files = due.flatMap(({ kind }) => readdirSync(join(documents, kind)).map((name) => `${kind}/${name}`));
      expect(new Set(files).size).toBe(due.length);
      for (const { kind, key } of due) expect((await late.deps.store.getDocument(kind, key))?.location).toMatch(/\.html$/);
      expect((await late.deps.store.getDocument(TICK_KIND, claimKey))?.location).toBe('done');

      // A further delivery of the same schedule time does nothing.
      const again = await deliver(late.functions.url.tick);
      expect(await again.json()).toMatchObject({ duplicate: true, state: 'done' });
    } finally {
      await late.functions.close();
      await late.deps.store.close();
    }
  });
});
