// The version of cceg: read at run time from the package.json at the package root.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CcegError } from '../core/errors.js';

/** The package root's package.json: two levels up both from functions/cli/*.ts (run by tsx) and from lib/cli/*.js (built). */
const PACKAGE_JSON = fileURLToPath(new URL('../../package.json', import.meta.url));

/** The `version` field of the package's package.json; throws INTERNAL with one clear line when it cannot be read. */
export function packageVersion(): string {
  let version: unknown;
  try {
    version = (JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as { version?: unknown }).version;
  } catch (error) {
    throw new CcegError('INTERNAL', `Cannot read the version from ${PACKAGE_JSON}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof version !== 'string' || version === '') throw new CcegError('INTERNAL', `${PACKAGE_JSON} names no version.`);
  return version;
}
