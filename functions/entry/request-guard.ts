// In front of the Functions Framework's Express app: the body is read (at most 1 MB) before its parsers, every failure is one JSON line.
import { subscribe } from 'node:diagnostics_channel';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { CcegError } from '../core/errors.js';
import { sendError, sendFault } from './http.js';

/**
 * The largest request body any target takes: 1 MiB (an edit is a few hundred bytes), far below the framework's own
 * limit (1024 MB). It is checked before anything is parsed: from Content-Length before a byte is read, else as bytes arrive.
 */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Marks, in the global symbol registry (so one mark however often this module is loaded), a guarded server and the installation. */
const GUARDED = Symbol.for('cceg.request-guard.server');
const INSTALLED = Symbol.for('cceg.request-guard.installed');
/** The label of the guard's log lines (the target is not known before the framework routes the request). */
const LABEL = 'request';

/** An Express application: a request listener that also takes the final handler Express calls when nothing answered. */
type ExpressApp = ((req: IncomingMessage, res: ServerResponse, done: (error?: unknown) => void) => void) & { handle: unknown; set: unknown };

function isExpressApp(listener: unknown): listener is ExpressApp {
  const candidate = listener as Partial<Record<'handle' | 'set', unknown>>;
  return typeof listener === 'function' && typeof candidate.handle === 'function' && typeof candidate.set === 'function';
}

function tooLarge(): CcegError {
  return new CcegError('PAYLOAD_TOO_LARGE', `The body is larger than ${MAX_BODY_BYTES.toLocaleString('en-US')} bytes (1 MB), the most any CCEG IG Ops function takes.`);
}

/** The body's bytes: 413 as soon as Content-Length or the bytes received pass the limit (the rest is discarded, never kept); 400 for a compressed body. */
function readBody(req: IncomingMessage): Promise<Buffer> {
  const encoding = (req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  if (encoding !== 'identity') return Promise.reject(new CcegError('BAD_REQUEST', 'Send the body uncompressed (no Content-Encoding): bodies are never inflated.'));
  if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) {
        chunks.push(chunk);
        return;
      }
      req.off('data', onData);
      req.resume();
      reject(tooLarge());
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', () => reject(new CcegError('BAD_REQUEST', 'The request body could not be read.')));
    req.once('close', () => (req.complete ? undefined : reject(new CcegError('BAD_REQUEST', 'The request was aborted before its body ended.'))));
  });
}

/**
 * Express's final handler for this app: what no route answered (404) and what its middleware passed on (the framework's
 * body parsers, a path that does not decode) become one JSON line, and the log gets one line, never a stack.
 */
function finalHandler(res: ServerResponse): (error?: unknown) => void {
  return (error) => {
    if (error === undefined) {
      console.error(`${LABEL}: 404 NOT_FOUND`);
      sendError(res, 404, 'NOT_FOUND', 'Nothing is served at this path.');
      return;
    }
    const status = (error as { status?: unknown }).status;
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    if (status === 413) sendFault(res, tooLarge(), LABEL);
    else if (typeof status === 'number' && status >= 400 && status < 500) sendFault(res, new CcegError('BAD_REQUEST', `The request could not be read: ${message}.`), LABEL);
    else sendFault(res, error, LABEL);
  };
}

/** Reads the body, keeps it as `rawBody` (the framework's parsers then find the request finished and parse nothing), and runs the app. */
function serveGuarded(app: ExpressApp, req: IncomingMessage, res: ServerResponse): void {
  readBody(req).then((body) => {
    Object.assign(req, { rawBody: body });
    app(req, res, finalHandler(res));
  }, (error: unknown) => sendFault(res, error, LABEL));
}

/** Puts the guard in front of `server`'s Express app, once; a server that serves no Express app is left alone. */
function guardServer(server: Server): void {
  const marks = server as unknown as Record<symbol, boolean | undefined>;
  if (marks[GUARDED]) return;
  marks[GUARDED] = true;
  const listeners = server.listeners('request');
  const app = listeners[0];
  if (listeners.length !== 1 || !isExpressApp(app)) return;
  server.removeListener('request', app as (...args: unknown[]) => void);
  server.on('request', (req: IncomingMessage, res: ServerResponse) => serveGuarded(app, req, res));
  // `Expect: 100-continue` (curl sends it for large bodies): refuse an oversized body before the client sends it.
  server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => {
    if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) {
      sendFault(res, tooLarge(), LABEL);
      return;
    }
    res.writeContinue();
    serveGuarded(app, req, res);
  });
}

/**
 * Installs the guard for every HTTP server of this process that serves an Express app (in a deployed function, the
 * Functions Framework's one server). The framework (5.x) runs body-parser (up to 1024 MB, JSON parsed) before any
 * handler and sends its errors to Express's default handler (an HTML page with the stack, the stack in the log); it
 * offers no hook in front of that (functions-framework-nodejs issue #686). Node publishes `http.server.request.start`
 * (diagnostics_channel) with the server just before it emits `request`, so on a server's first request the guard
 * takes the app's place as its request listener and calls the app itself, with its own final handler. Idempotent.
 */
export function installRequestGuard(): void {
  const registry = globalThis as unknown as Record<symbol, boolean | undefined>;
  if (registry[INSTALLED]) return;
  registry[INSTALLED] = true;
  subscribe('http.server.request.start', (message) => guardServer((message as { server: Server }).server));
}
