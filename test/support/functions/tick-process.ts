// A tick function in a process of its own, for a test to kill: the production wiring (runtimeDeps) over an .xlsx workbook,
// a SQLite store and a documents folder, with the test's clock (TEST_NOW) and token issuer (TEST_CERTS_URL). Its
// publisher stops dead at the first document, after writing TEST_MARKER: the tick has claimed its schedule time and
// synced, and drafted nothing yet. Prints the tick's URL on its first line of output.
import { writeFileSync } from 'node:fs';
import { googleIdTokenVerifier } from '../../../functions/adapters/oidc/google-id-token-verifier.js';
import { readEnvironment } from '../../../functions/config/environment.js';
import type { FunctionDeps } from '../../../functions/entry/function-deps.js';
import { createHandlers } from '../../../functions/entry/handlers.js';
import { runtimeDeps } from '../../../functions/entry/runtime.js';
import type { DocumentPublisher } from '../../../functions/ports/documents.port.js';
import { serveFunctions } from './function-server.js';
import { functionsConfig } from './functions-fixture.js';

const { TEST_NOW, TEST_CERTS_URL, TEST_MARKER } = process.env;
if (!TEST_NOW || !TEST_CERTS_URL || !TEST_MARKER) throw new Error('Set TEST_NOW, TEST_CERTS_URL and TEST_MARKER');

/** A publisher that never returns: the process is killed while it waits. */
const stalled: DocumentPublisher = {
  publish: () => {
    writeFileSync(TEST_MARKER, 'publishing the first document');
    return new Promise(() => undefined);
  },
};

const production = await runtimeDeps(readEnvironment(process.env));
const deps: FunctionDeps = {
  ...production,
  config: functionsConfig(),
  verifier: googleIdTokenVerifier({ certsUrl: TEST_CERTS_URL }),
  now: () => new Date(TEST_NOW),
  workbookFor: (spreadsheetId) => ({ ...production.workbookFor(spreadsheetId), documents: async () => stalled }),
};
const functions = await serveFunctions(createHandlers(deps));
process.stdout.write(`${functions.url.tick}\n`);
