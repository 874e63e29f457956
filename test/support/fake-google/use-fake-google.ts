// Registers the hooks of a test file that runs cceg against the fake Google APIs: one fake per file, CCEG_GOOGLE_ROOT_URL at it.
import { afterAll, beforeAll } from 'vitest';
import { startFakeGoogle, type FakeGoogle } from './server.js';

/** The running fake of the current file (read `fake` inside tests and hooks, not at import time). */
export interface FakeGoogleContext {
  readonly fake: FakeGoogle;
}

/** Starts the fake for the file and points every Sheets and Drive call of cceg at it (CCEG_GOOGLE_ROOT_URL); stops it after. */
export function useFakeGoogle(): FakeGoogleContext {
  const context = {} as { fake: FakeGoogle };
  let previous: string | undefined;
  beforeAll(async () => {
    context.fake = await startFakeGoogle();
    previous = process.env.CCEG_GOOGLE_ROOT_URL;
    process.env.CCEG_GOOGLE_ROOT_URL = context.fake.rootUrl;
  });
  afterAll(async () => {
    if (previous === undefined) delete process.env.CCEG_GOOGLE_ROOT_URL;
    else process.env.CCEG_GOOGLE_ROOT_URL = previous;
    await context.fake?.stop();
  });
  return context;
}
