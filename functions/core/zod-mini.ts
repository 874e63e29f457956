// zod/mini (the tree-shakable build of zod) with zod's English messages: schemas `import * as z from` this module.
import { config } from 'zod/mini';
// The English locale's own module: 'zod/locales' would load all 70 of them in an unbundled run (the CLI).
import en from 'zod/v4/locales/en.js';

// zod/mini sets no locale, so each message would be "Invalid input"; classic zod sets English when it builds its first
// schema. Messages reach users (a bad config key, a refused webhook body, a damaged stored record), so set it here.
config(en());

/**
 * zod/mini's API (`z.object`, `z.string().check(z.minLength(1))`, `z.infer`…), with English messages set. Read it as
 * `import * as z`: esbuild then bundles only what is used, where `import { z }` (like `locales.en()`) bundles it all.
 */
export * from 'zod/mini';
