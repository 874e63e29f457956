// A local fake of the Google Sheets v4 and Drive v3 calls cceg makes: a real HTTP server on 127.0.0.1 for tests.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { sheets_v4 } from '@googleapis/sheets';
import { applyBatchUpdate } from './batch-requests.js';
import { addSpreadsheetFile, createFile, getFile, listFiles, updateFile, type FakeCaller, type FakeFile } from './drive-api.js';
import { applyFieldMask } from './field-mask.js';
import { FakeApiError, defaultMessage, jsonBody, readBody, scopeInsufficient, send, type Reply } from './http.js';
import type { FakeSpreadsheet } from './model.js';
import { createSpreadsheet, spreadsheetResource } from './sheets-api.js';
import { batchClearValues, batchGetValues, batchUpdateValues } from './values-api.js';

/** One request the fake answered: its method name (`sheets.spreadsheets.values.batchGet`), query and body. */
export interface FakeRequest {
  readonly method: string;
  readonly query: URLSearchParams;
  readonly body: Buffer;
}

/** The running fake. */
export interface FakeGoogle {
  /** Give this to the clients as `rootUrl`. */
  readonly rootUrl: string;
  /** Requests received by method name, failed ones included. */
  readonly calls: Map<string, number>;
  /** Every request received, in order. */
  readonly requests: FakeRequest[];
  /** Spreadsheets by ID: seed and inspect them freely. */
  readonly spreadsheets: Map<string, FakeSpreadsheet>;
  /** Drive files by ID. */
  readonly files: Map<string, FakeFile>;
  /** Requests of `method`. */
  count(method: string): number;
  /** Requests whose method name starts with `prefix` (`sheets.`). */
  countPrefix(prefix: string): number;
  /** Forgets the calls and requests counted so far. */
  resetCalls(): void;
  /** The next `times` requests of `method` answer `status` with a Google error body. */
  failNext(method: string, status: number, times?: number): void;
  /** Who calls from now on: a person (the default) or a service account, which Drive lets create files only in shared drives. */
  setCaller(caller: FakeCaller): void;
  /**
   * The OAuth scopes the caller's token carries from now on (null, the default: every scope). A Sheets call needs
   * `spreadsheets` or `drive`, a Drive call `drive`; without, Google's 403 ACCESS_TOKEN_SCOPE_INSUFFICIENT.
   */
  grantScopes(scopes: readonly string[] | null): void;
  stop(): Promise<void>;
}

type Route = {
  readonly method: string;
  readonly verb: string;
  readonly path: RegExp;
  readonly handle: (context: { params: string[]; query: URLSearchParams; headers: IncomingHttpHeaders; body: Buffer; state: FakeState }) => Reply;
};

interface FakeState {
  readonly spreadsheets: Map<string, FakeSpreadsheet>;
  readonly files: Map<string, FakeFile>;
  caller: FakeCaller;
  scopes: ReadonlySet<string> | null;
}

const SCOPE = { spreadsheets: 'https://www.googleapis.com/auth/spreadsheets', drive: 'https://www.googleapis.com/auth/drive' } as const;

/** Whether a token with `scopes` may call `method` (the narrowest scopes Google accepts for what the fake serves). */
function scopeAllows(scopes: ReadonlySet<string> | null, method: string): boolean {
  if (scopes === null || scopes.has(SCOPE.drive)) return true;
  return method.startsWith('sheets.') && scopes.has(SCOPE.spreadsheets);
}

function spreadsheetNamed(state: FakeState, id: string | undefined): FakeSpreadsheet {
  const spreadsheet = state.spreadsheets.get(id ?? '');
  if (!spreadsheet) throw new FakeApiError(404, 'Requested entity was not found.');
  return spreadsheet;
}

const ROUTES: readonly Route[] = [
  { method: 'sheets.spreadsheets.create', verb: 'POST', path: /^\/v4\/spreadsheets$/, handle: ({ query, body, state }) => {
    const spreadsheet = createSpreadsheet(jsonBody<sheets_v4.Schema$Spreadsheet>(body));
    state.spreadsheets.set(spreadsheet.spreadsheetId, spreadsheet);
    addSpreadsheetFile(state.files, spreadsheet.spreadsheetId, spreadsheet.properties.title ?? 'Untitled spreadsheet');
    return { json: spreadsheetResource(spreadsheet, query) };
  } },
  { method: 'sheets.spreadsheets.get', verb: 'GET', path: /^\/v4\/spreadsheets\/([^/:]+)$/, handle: ({ params, query, state }) =>
    ({ json: spreadsheetResource(spreadsheetNamed(state, params[0]), query) }) },
  { method: 'sheets.spreadsheets.batchUpdate', verb: 'POST', path: /^\/v4\/spreadsheets\/([^/:]+):batchUpdate$/, handle: ({ params, query, body, state }) => {
    const before = spreadsheetNamed(state, params[0]);
    const { spreadsheet, replies } = applyBatchUpdate(before, jsonBody(body));
    Object.assign(before, spreadsheet); // the same object, so that a test holding it sees the change
    return { json: applyFieldMask({ spreadsheetId: spreadsheet.spreadsheetId, replies }, query.get('fields')) };
  } },
  { method: 'sheets.spreadsheets.values.batchGet', verb: 'GET', path: /^\/v4\/spreadsheets\/([^/:]+)\/values:batchGet$/, handle: ({ params, query, state }) =>
    ({ json: batchGetValues(spreadsheetNamed(state, params[0]), query) }) },
  { method: 'sheets.spreadsheets.values.batchUpdate', verb: 'POST', path: /^\/v4\/spreadsheets\/([^/:]+)\/values:batchUpdate$/, handle: ({ params, body, state }) =>
    ({ json: batchUpdateValues(spreadsheetNamed(state, params[0]), jsonBody(body)) }) },
  { method: 'sheets.spreadsheets.values.batchClear', verb: 'POST', path: /^\/v4\/spreadsheets\/([^/:]+)\/values:batchClear$/, handle: ({ params, body, state }) =>
    ({ json: batchClearValues(spreadsheetNamed(state, params[0]), jsonBody(body)) }) },
  { method: 'drive.files.create', verb: 'POST', path: /^\/(upload\/)?drive\/v3\/files$/, handle: ({ params, query, headers, body, state }) =>
    createFile(state.files, query, headers, body, params[0] !== undefined, state.caller) },
  { method: 'drive.files.update', verb: 'PATCH', path: /^\/(upload\/)?drive\/v3\/files\/([^/]+)$/, handle: ({ params, query, headers, body, state }) =>
    updateFile(state.files, params[1] ?? '', query, headers, body, params[0] !== undefined) },
  { method: 'drive.files.list', verb: 'GET', path: /^\/drive\/v3\/files$/, handle: ({ query, state }) => listFiles(state.files, query) },
  { method: 'drive.files.get', verb: 'GET', path: /^\/drive\/v3\/files\/([^/]+)$/, handle: ({ params, query, state }) => getFile(state.files, params[0] ?? '', query) },
];

/** Starts the fake on a free port of 127.0.0.1. It checks that a bearer token is sent, never which. */
export async function startFakeGoogle(): Promise<FakeGoogle> {
  const state: FakeState = { spreadsheets: new Map(), files: new Map(), caller: 'user', scopes: null };
  const calls = new Map<string, number>();
  const requests: FakeRequest[] = [];
  const failures = new Map<string, { status: number; times: number }[]>();

  const server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const route = ROUTES.map((candidate) => ({ candidate, match: request.method === candidate.verb ? candidate.path.exec(url.pathname) : null }))
        .find((entry) => entry.match !== null);
      const body = await readBody(request);
      try {
        if (!route?.match) throw new FakeApiError(404, `The fake implements no ${request.method} ${url.pathname}`);
        const method = route.candidate.method;
        calls.set(method, (calls.get(method) ?? 0) + 1);
        requests.push({ method, query: url.searchParams, body });
        if (!/^Bearer \S+/.test(request.headers.authorization ?? '')) throw new FakeApiError(401, 'Request is missing required authentication credential.');
        if (!scopeAllows(state.scopes, method)) throw scopeInsufficient(method);
        const queued = failures.get(method)?.[0];
        if (queued) {
          if (--queued.times <= 0) failures.get(method)?.shift();
          throw new FakeApiError(queued.status, defaultMessage(queued.status));
        }
        const params = route.match.slice(1).map((param) => (param === undefined ? (undefined as unknown as string) : decodeURIComponent(param)));
        send(response, route.candidate.handle({ params, query: url.searchParams, headers: request.headers, body, state }));
      } catch (error) {
        const fault = error instanceof FakeApiError ? error : new FakeApiError(500, `The fake failed: ${error instanceof Error ? error.stack : String(error)}`);
        send(response, { json: fault.body(), status: fault.status });
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    rootUrl: `http://127.0.0.1:${port}/`,
    calls, requests, spreadsheets: state.spreadsheets, files: state.files,
    count: (method) => calls.get(method) ?? 0,
    countPrefix: (prefix) => [...calls].filter(([method]) => method.startsWith(prefix)).reduce((sum, [, count]) => sum + count, 0),
    resetCalls: () => {
      calls.clear();
      requests.length = 0;
    },
    failNext: (method, status, times = 1) => {
      const queue = failures.get(method) ?? [];
      queue.push({ status, times });
      failures.set(method, queue);
    },
    setCaller: (caller) => {
      state.caller = caller;
    },
    grantScopes: (scopes) => {
      state.scopes = scopes === null ? null : new Set(scopes);
    },
    stop: () => new Promise<void>((resolve, reject) => {
      server.closeAllConnections();
      server.close((error) => (error ? reject(error) : resolve()));
    }),
  };
}
