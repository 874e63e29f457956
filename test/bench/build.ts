// Compiles functions/ into a scratch folder for the benchmarks that time real processes (the CLI, the Functions Framework).
import { spawnSync } from 'node:child_process';
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The repository's root folder. */
export const ROOT = resolve(import.meta.dirname, '../..');

/**
 * Compiles functions/ into `dir/lib` (emit only: `npm run typecheck` checks the types), as `npm run build` would for
 * a deployment, writes a package.json with the repository's name and version, and links `dir/node_modules`, `dir/config` and `dir/sheets` to the repository's, so the compiled code
 * resolves the same packages and finds the shipped charter parameters and sample. Returns the `lib` folder.
 */
export function buildLib(dir: string): string {
  for (const folder of ['node_modules', 'config', 'sheets']) symlinkSync(join(ROOT, folder), join(dir, folder), 'dir');
  const { name, version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name, version, type: 'module' })}\n`);
  const lib = join(dir, 'lib');
  const build = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.build.json'), '--outDir', lib, '--noCheck'], { encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`The build failed:\n${build.stdout}${build.stderr}`);
  return lib;
}
