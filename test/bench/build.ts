// Builds functions/ into a scratch folder as `npm run build` would for a deployment, for the benchmarks that time real processes (the CLI, the Functions Framework).
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The repository's root folder. */
export const ROOT = resolve(import.meta.dirname, '../..');

/** The deployed-like config the build compiles beside the shipped one (README, Deploy, step 7: `config/deployed.yaml`). */
export const DEPLOYED_CONFIG = 'deployed.yaml';

/** What README's Deploy step 7 fills in to config/charter.yaml's copy: staff, the functions' audiences, a calendar token. */
const DEPLOYED_EDITS: readonly [RegExp, string][] = [
  [/^ {2}staff: \[\]/m, '  staff: [ines@icann.example.org]'],
  [/^ {2}tickAudience: null/m, '  tickAudience: https://cceg-tick-abc123-uc.a.run.app'],
  [/^ {2}schedulerServiceAccount: null/m, '  schedulerServiceAccount: cceg-scheduler@cceg-ig-ops.iam.gserviceaccount.com'],
  [/^ {2}auditAudience: null/m, '  auditAudience: https://cceg-audit-abc123-uc.a.run.app'],
  [/^ {2}calendarTokens: \{\}/m, '  calendarTokens: { staff: 5f1c0a9e3b7d4e2a8c6f0b1d9e7a3c5f2b4d6e8a0c1f3b5d }'],
];

/** config/charter.yaml as a deployment edits it (DEPLOYED_EDITS); throws when that file no longer has a line to edit. */
export function deployedConfigText(shipped: string = readFileSync(join(ROOT, 'config/charter.yaml'), 'utf8')): string {
  return DEPLOYED_EDITS.reduce((text, [line, edited]) => {
    if (!line.test(text)) throw new Error(`config/charter.yaml has no line ${String(line)} to edit into ${DEPLOYED_CONFIG}.`);
    return text.replace(line, edited);
  }, shipped);
}

/**
 * Builds functions/ into `dir/lib` the way `npm run build` does (tsc, emit only: `npm run typecheck` checks the types;
 * then the same build steps: the configs compiled, the functions bundled), with `dir/config` holding the shipped
 * charter.yaml and DEPLOYED_CONFIG, a package.json with the repository's name, version, main and dependencies, and
 * `dir/node_modules` and `dir/sheets` linked to the repository's, so the compiled code resolves the same packages and
 * finds the sample. Returns the `lib` folder.
 */
export function buildLib(dir: string): string {
  for (const folder of ['node_modules', 'sheets']) symlinkSync(join(ROOT, folder), join(dir, folder), 'dir');
  mkdirSync(join(dir, 'config'));
  copyFileSync(join(ROOT, 'config/charter.yaml'), join(dir, 'config/charter.yaml'));
  writeFileSync(join(dir, 'config', DEPLOYED_CONFIG), deployedConfigText());
  const { name, version, main, dependencies } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name, version, type: 'module', main, dependencies })}\n`);
  const lib = join(dir, 'lib');
  run([join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.build.json'), '--outDir', lib, '--noCheck']);
  run([join(lib, 'config/compile-configs.js')]);
  run([join(lib, 'build/bundle-functions.js')]);
  return lib;
}

/** Runs a build step with this Node; throws its output when it fails. */
function run(argv: readonly string[]): void {
  const step = spawnSync(process.execPath, argv, { encoding: 'utf8' });
  if (step.status !== 0) throw new Error(`The build failed:\n${step.stdout}${step.stderr}`);
}
