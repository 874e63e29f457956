// Reads config/charter.yaml once, validates it with zod, and names the first bad key in one line.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { parse } from 'yaml';
import { charterConfigSchema, type CharterConfig } from '../core/config.js';
import { CcegError } from '../core/errors.js';
import { SHIPPED_CONFIG, SHIPPED_CONFIG_TEXT } from './shipped-config.js';

/** The YAML parser, loaded only for a config other than the shipped one (it is some 70 modules). */
const parseYaml = (text: string): unknown => (createRequire(import.meta.url)('yaml') as { parse: typeof parse }).parse(text);

/** The `config/charter.yaml` shipped with the package. */
export const DEFAULT_CONFIG_PATH = fileURLToPath(new URL('../../config/charter.yaml', import.meta.url));

/**
 * Loads and validates the charter parameters; throws BAD_CONFIG naming the key and what is expected. A file whose text
 * is that of the shipped config/charter.yaml gives the values precompiled from it (shipped-config.ts), unparsed.
 */
export function loadCharterConfig(path: string = DEFAULT_CONFIG_PATH): CharterConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new CcegError('BAD_CONFIG', `Cannot read the config file ${path}.`);
  }
  if (text === SHIPPED_CONFIG_TEXT) return structuredClone(SHIPPED_CONFIG);
  let data: unknown;
  try {
    data = parseYaml(text) ?? {};
  } catch (error) {
    throw new CcegError('BAD_CONFIG', `${path} is not valid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  const result = charterConfigSchema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const key = issue ? [...issue.path, ...('keys' in issue ? [issue.keys[0]] : [])].join('.') : '';
  throw new CcegError('BAD_CONFIG', `${path}: ${key || 'the file'}: ${describeIssue(issue)}`);
}

function describeIssue(issue: { code: string; message: string; expected?: unknown; minimum?: unknown; maximum?: unknown } | undefined): string {
  if (!issue) return 'invalid';
  switch (issue.code) {
    case 'unrecognized_keys':
      return 'is not a known setting.';
    case 'invalid_type':
      return `expected ${String(issue.expected)}.`;
    case 'too_small':
      return `expected a value of at least ${String(issue.minimum)}.`;
    case 'too_big':
      return `expected a value of at most ${String(issue.maximum)}.`;
    default:
      return `${issue.message}.`;
  }
}
