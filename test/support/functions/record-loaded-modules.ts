// Preloaded with --import: records the URL of every module the process loads (ESM and CommonJS), for a test to read.
import { registerHooks } from 'node:module';

/** Where the URLs are kept, in the global symbol registry, so that the process's own script can read them. */
export const LOADED_MODULES = Symbol.for('cceg.test.loaded-modules');

const loaded = new Set<string>();
(globalThis as unknown as Record<symbol, Set<string>>)[LOADED_MODULES] = loaded;

registerHooks({
  load(url, context, nextLoad) {
    loaded.add(url);
    return nextLoad(url, context);
  },
});
