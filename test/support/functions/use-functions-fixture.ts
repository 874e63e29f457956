// Registers the hooks every Cloud Functions test needs: one token issuer per file, a fresh functions fixture per test.
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { startFunctionsFixture, type FixtureOptions, type FunctionsFixture } from './functions-fixture.js';
import { startTokenIssuer, type TokenIssuer } from './id-tokens.js';

/** The running issuer and fixture of the current test (read them inside tests, not at import time). */
export interface FunctionsTestContext {
  readonly issuer: TokenIssuer;
  readonly fx: FunctionsFixture;
}

/** Starts a token issuer for the file and a fresh fixture (store, workbook, handlers over HTTP) for every test. */
export function useFunctionsFixture(options: FixtureOptions = {}): FunctionsTestContext {
  const context = {} as { issuer: TokenIssuer; fx: FunctionsFixture };
  beforeAll(async () => {
    context.issuer = await startTokenIssuer();
  });
  afterAll(async () => {
    await context.issuer?.close();
  });
  beforeEach(async () => {
    context.fx = await startFunctionsFixture(context.issuer, options);
  });
  afterEach(async () => {
    await context.fx?.close();
  });
  return context;
}
