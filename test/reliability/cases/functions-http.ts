// Reliability cases for the Cloud Functions over real HTTP: bad bodies, huge bodies, absurd ranges, anonymous callers.
import { request } from 'node:http';
import { charterConfigSchema } from '../../../functions/core/config.js';
import { LOCATION, PEOPLE, SECRET, startFunctionsFixture, type FixtureOptions, type FunctionsFixture } from '../../support/functions/functions-fixture.js';
import { startTokenIssuer, type TokenIssuer } from '../../support/functions/id-tokens.js';
import { signedEdit } from '../../support/functions/signed-edits.js';
import type { CaseOutcome, ReliabilityCase } from '../reliability-case.js';

/** A case that takes longer than this has failed: every one of them should answer within seconds. */
const DEADLINE_MS = 20_000;
/** How much the process's RSS may grow while a case runs. */
const RSS_GROWTH_LIMIT_KB = 256 * 1024;
const ONE_JSON_LINE = /^\{"error":\{"code":"[A-Z_]+","message":"[^\n]+"\}\}$/;
const UNREACHABLE_CERTS = 'http://127.0.0.1:9/oauth2/v1/certs';

/** Runs `work` against a fresh fixture (and token issuer), closing both after, failing the case past the deadline. */
async function withFixture(options: FixtureOptions, work: (fx: FunctionsFixture, issuer: TokenIssuer) => Promise<CaseOutcome>): Promise<CaseOutcome> {
  const issuer = await startTokenIssuer();
  const fx = await startFunctionsFixture(issuer, options);
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<CaseOutcome>((resolve) => {
    timer = setTimeout(() => resolve({ observed: `no answer within ${DEADLINE_MS / 1000} s`, pass: false }), DEADLINE_MS);
  });
  try {
    return await Promise.race([work(fx, issuer), deadline]);
  } finally {
    clearTimeout(timer);
    await fx.close();
    await issuer.close();
  }
}

/** Runs `work` while sampling the process's RSS every 10 ms; adds the peak, and fails the case when RSS grew past the limit. */
async function withRssBound(work: () => Promise<CaseOutcome>): Promise<CaseOutcome> {
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage().rss);
    const growthKb = Math.round((peak - baseline) / 1024);
    return { observed: `${result.observed}; RSS grew ${growthKb} KB`, pass: result.pass && growthKb < RSS_GROWTH_LIMIT_KB, peakRssKb: Math.round(peak / 1024) };
  } finally {
    clearInterval(sampler);
  }
}

/** Collects console.error lines while `work` runs (the functions log there), and restores it. */
async function capturingLog<T>(work: () => Promise<T>): Promise<{ result: T; lines: string[] }> {
  const original = console.error;
  const lines: string[] = [];
  console.error = (...parts: unknown[]) => void lines.push(parts.map(String).join(' '));
  try {
    return { result: await work(), lines };
  } finally {
    console.error = original;
  }
}

/** The status and text of a POST whose headers announce `length` bytes of which only `first` is ever sent. */
function postAnnouncing(url: string, length: number, first: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(length) } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        outgoing.destroy();
        resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') });
      });
    });
    outgoing.on('error', reject);
    outgoing.write(first);
  });
}

const describeAnswer = (status: number, text: string) => `${status} ${text.length > 160 ? `${text.slice(0, 160)}…` : text}`;

/** The cases of this file. */
export const cases: ReliabilityCase[] = [
  {
    name: 'onSheetEdit: a signed body that is not JSON',
    expected: '400 {"error":{"code":"BAD_REQUEST",…}} as one line; no stack in the answer or the log',
    run: () => withFixture({}, async (fx) => {
      const text = JSON.stringify({ tab: 'Roster', range: 'C3', editor: PEOPLE.staff }).slice(0, -1);
      const { result, lines } = await capturingLog(async () => {
        const response = await fetch(fx.functions.url.onSheetEdit, signedEdit({ tab: 'Roster', range: 'C3', editor: PEOPLE.staff }, { secret: SECRET, text }));
        return { status: response.status, text: await response.text() };
      });
      const stackLogged = lines.some((line) => /\n\s+at /.test(line));
      return {
        observed: `${describeAnswer(result.status, result.text)}; ${lines.length} log line(s)${stackLogged ? ', one with a stack' : ''}`,
        pass: result.status === 400 && ONE_JSON_LINE.test(result.text) && result.text.includes('BAD_REQUEST') && !stackLogged,
      };
    }),
  },
  {
    name: 'onSheetEdit: Content-Length of 5 MB, body never sent',
    expected: '413 PAYLOAD_TOO_LARGE as one JSON line, answered before the body arrives',
    run: () => withFixture({}, async (fx) => {
      const answer = await postAnnouncing(fx.functions.url.onSheetEdit, 5 * 1024 * 1024, '{"tab":"');
      return { observed: describeAnswer(answer.status, answer.text), pass: answer.status === 413 && ONE_JSON_LINE.test(answer.text) && answer.text.includes('PAYLOAD_TOO_LARGE') };
    }),
  },
  {
    name: 'onSheetEdit: a signed edit of range A2:ZZ9999999 (7 billion cells)',
    expected: '400 BAD_REQUEST within seconds, nothing recorded, RSS growth under 256 MB',
    run: () => withFixture({}, (fx) => withRssBound(async () => {
      const response = await fetch(fx.functions.url.onSheetEdit, signedEdit({ tab: 'Roster', range: 'A2:ZZ9999999', editor: PEOPLE.staff }, { secret: SECRET }));
      const text = await response.text();
      const pending = await fx.store.pendingEdits(LOCATION);
      return { observed: describeAnswer(response.status, text), pass: response.status === 400 && text.includes('more cells than a spreadsheet can hold') && pending.length === 0 };
    })),
  },
  {
    name: 'onSheetEdit: "select a whole column, Delete" sent as C2:C9999999 (within Google\'s 10 million cells)',
    expected: '200 synced within seconds, reviewing only the rows the sheet has; RSS growth under 256 MB',
    run: () => withFixture({}, (fx) => withRssBound(async () => {
      const response = await fetch(fx.functions.url.onSheetEdit, signedEdit({ tab: 'Roster', range: 'C2:C9999999', editor: PEOPLE.staff }, { secret: SECRET }));
      const text = await response.text();
      return { observed: describeAnswer(response.status, text), pass: response.status === 200 && text.includes('"synced":true') };
    })),
  },
  {
    name: 'tick on the shipped config (no audience): an anonymous request',
    expected: '401 UNAUTHENTICATED, naming no setting',
    run: () => withFixture({ config: charterConfigSchema().parse({}) }, async (fx) => {
      const response = await fetch(fx.functions.url.tick, { method: 'POST', headers: { 'x-cloudscheduler-scheduletime': '2026-03-02T06:00:00Z' } });
      const text = await response.text();
      return { observed: describeAnswer(response.status, text), pass: response.status === 401 && text.includes('UNAUTHENTICATED') && !/Audience|ServiceAccount|functions\.[a-z]/.test(text) };
    }),
  },
  {
    name: 'tick and audit with Google\'s certificates unreachable: a token that is not a JWT',
    expected: '401 UNAUTHENTICATED from both, nothing fetched',
    run: () => withFixture({ certsUrl: UNREACHABLE_CERTS }, async (fx) => {
      const headers = { authorization: 'Bearer not-a-token', 'x-cloudscheduler-scheduletime': '2026-03-02T06:00:00Z' };
      const tick = await fetch(fx.functions.url.tick, { method: 'POST', headers });
      const audit = await fetch(`${fx.functions.url.audit}?action=list`, { headers });
      return { observed: `tick ${tick.status}, audit ${audit.status}`, pass: tick.status === 401 && audit.status === 401 };
    }),
  },
  {
    name: 'every target: a path that does not decode (/%E0%A4%A)',
    expected: '400 BAD_REQUEST as one JSON line from each, not an HTML page with a stack',
    run: () => withFixture({}, async (fx) => {
      const answers = await Promise.all(Object.values(fx.functions.url).map(async (url) => {
        const response = await fetch(`${url}%E0%A4%A`);
        return { status: response.status, text: await response.text() };
      }));
      return {
        observed: answers.map(({ status, text }) => describeAnswer(status, text)).join(' | '),
        pass: answers.every(({ status, text }) => status === 400 && ONE_JSON_LINE.test(text)),
      };
    }),
  },
];

export default cases;
