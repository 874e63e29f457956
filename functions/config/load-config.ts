// Reads config/charter.yaml once, validates it with zod (or takes the values compiled at build time), and names the first bad key in one line.
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
 * The configs `npm run build` validated (compile-configs.ts): lib/compiled-configs.json, beside lib/config/ and
 * lib/bundle/ alike; the sources (functions/config/) have none, so they parse every file.
 */
export const COMPILED_CONFIGS_URL = new URL('../compiled-configs.json', import.meta.url);

/** A config file as the build validated it: its exact text and the values that text gives. */
export interface CompiledConfig {
  readonly file: string;
  readonly text: string;
  readonly config: CharterConfig;
}

let compiled: readonly CompiledConfig[] | undefined;

/** The configs compiled at build time, read once; none when there is no build beside this module. */
function compiledConfigs(): readonly CompiledConfig[] {
  if (compiled) return compiled;
  try {
    compiled = JSON.parse(readFileSync(COMPILED_CONFIGS_URL, 'utf8')) as CompiledConfig[];
  } catch {
    compiled = [];
  }
  return compiled;
}

/**
 * Loads and validates the charter parameters; throws BAD_CONFIG naming the key and what is expected. A file whose text
 * is that of the shipped config/charter.yaml gives the values precompiled from it (shipped-config.ts), one whose text
 * is that of a config/*.yaml at build time the values the build validated (compiled-configs.json), both unparsed.
 */
export function loadCharterConfig(path: string = DEFAULT_CONFIG_PATH): CharterConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new CcegError('BAD_CONFIG', `Cannot read the config file ${path}.`);
  }
  if (text === SHIPPED_CONFIG_TEXT) return structuredClone(SHIPPED_CONFIG);
  const built = compiledConfigs().find((entry) => entry.text === text);
  if (built) return structuredClone(built.config);
  return parseCharterConfig(text, path);
}

/** The charter parameters in the YAML `text` of the file `path`, validated; throws BAD_CONFIG naming the file and the key. */
export function parseCharterConfig(text: string, path: string): CharterConfig {
  let data: unknown;
  try {
    data = parseYaml(text) ?? {};
  } catch (error) {
    throw new CcegError('BAD_CONFIG', `${path} is not valid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  const result = charterConfigSchema().safeParse(data);
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
