// Reads config/charter.yaml once, validates it with zod, and names the first bad key in one line.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { charterConfigSchema, type CharterConfig } from '../core/config.js';
import { CcegError } from '../core/errors.js';

/** The `config/charter.yaml` shipped with the package. */
export const DEFAULT_CONFIG_PATH = fileURLToPath(new URL('../../config/charter.yaml', import.meta.url));

/** Loads and validates the charter parameters; throws BAD_CONFIG naming the key and what is expected. */
export function loadCharterConfig(path: string = DEFAULT_CONFIG_PATH): CharterConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new CcegError('BAD_CONFIG', `Cannot read the config file ${path}.`);
  }
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
