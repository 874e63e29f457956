// Build step: bundles lib/index.js (the Functions Framework targets) into lib/bundle/ and the cceg command line into lib/cli-bundle/, so a start reads a few files, not a hundred.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/**
 * The packages bundled in; every other dependency stays in node_modules (native code, files found by path, big clients).
 * zod (its tree-shakable zod/mini build, see core/zod-mini.ts) is imported statically, so the parts used are inlined (unbundled, ≈90 files a cold start would read one by one). yaml is inlined should
 * a module import it; load-config.ts loads it with `createRequire`, which esbuild leaves to Node at run time (from
 * node_modules, and only for a config the build did not compile).
 */
export const INLINED_PACKAGES = ['zod', 'yaml'] as const;

/** Lets bundled CommonJS (yaml) `require` Node's built-ins from an ES module; named apart from any `createRequire` a module imports. */
const REQUIRE_BANNER = "import { createRequire as bannerCreateRequire } from 'node:module'; const require = bannerCreateRequire(import.meta.url);";

/** The compiled `lib` folder this module was built into (lib/build/ → lib/). */
export const LIB_DIR = fileURLToPath(new URL('../', import.meta.url));

/** The command line's bundle, the package's `bin`: `cceg` loads a few chunks instead of some 350 modules. */
export const CLI_BUNDLE = 'cli-bundle';
/** What the command line's bundle inlines besides INLINED_PACKAGES: its argument parser, loaded on every run. */
export const CLI_INLINED_PACKAGES = ['commander'] as const;

/**
 * Bundles `lib`/index.js into `lib`/bundle/ (two levels below the package root, as lib/config/ is, so that paths
 * resolved from `import.meta.url` still land in config/), split so each target's handler stays its own chunk (the folder is emptied first); every
 * dependency of `packageJson` but INLINED_PACKAGES is external.
 */
export async function bundleFunctions(lib: string = LIB_DIR, packageJson: string = join(lib, '..', 'package.json')): Promise<void> {
  await bundleEntries(lib, 'bundle', { index: join(lib, 'index.js') }, INLINED_PACKAGES, packageJson);
}

/**
 * Bundles the command line, `lib`/cli/main.js, into `lib`/cli-bundle/main.js, two levels below the package root like
 * lib/cli/ (so the sample workbook, the config and package.json are found alike), each verb's action its own chunk
 * loaded when it runs; every dependency but INLINED_PACKAGES and CLI_INLINED_PACKAGES stays in node_modules (jszip
 * among them: native-deflate.ts changes the copy there).
 */
export async function bundleCli(lib: string = LIB_DIR, packageJson: string = join(lib, '..', 'package.json')): Promise<void> {
  await bundleEntries(lib, CLI_BUNDLE, { main: join(lib, 'cli/main.js') }, [...INLINED_PACKAGES, ...CLI_INLINED_PACKAGES], packageJson);
}

/** Bundles `entries` (and the SQLite warm-up's thread) into `lib`/`folder`/, emptied first, with `inlined` packages inlined. */
async function bundleEntries(lib: string, folder: string, entries: Record<string, string>, inlined: readonly string[], packageJson: string): Promise<void> {
  const { dependencies = {} } = JSON.parse(readFileSync(packageJson, 'utf8')) as { dependencies?: Record<string, string> };
  rmSync(join(lib, folder), { recursive: true, force: true });
  await build({
    // The SQLite warm-up's thread is started by URL, beside the module that starts it: it is an entry of its own.
    entryPoints: { ...entries, 'warm-up-worker': join(lib, 'adapters/sqlite/warm-up-worker.js') },
    outdir: join(lib, folder),
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node24',
    sourcemap: true,
    external: Object.keys(dependencies).filter((name) => !inlined.includes(name)),
    banner: { js: REQUIRE_BANNER },
    logLevel: 'warning',
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await bundleFunctions(process.argv[2] ?? LIB_DIR);
  await bundleCli(process.argv[2] ?? LIB_DIR);
}
