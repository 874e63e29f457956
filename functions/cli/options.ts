// Options shared by verbs (--today and --config for those that check on a date, --format), parsed once into one typed object.
import { Option } from 'commander';
import type { CharterConfig } from '../core/config.js';
import { parseIsoDate, toIsoDate, type IsoDate } from '../core/dates.js';
import { CcegError } from '../core/errors.js';
import { DEFAULT_CONFIG_PATH, loadCharterConfig } from '../config/load-config.js';
import type { CliIo } from './io.js';

/** The shared options, as commander hands them over. */
export interface CommonOptionValues {
  readonly today?: string;
  readonly config?: string;
  readonly format?: string;
}

/** The common options after validation: the run's date and the charter parameters. */
export interface CommonOptions {
  readonly today: IsoDate;
  readonly config: CharterConfig;
}

/** `--today` and `--config`, added to every verb that checks the charter on a date (validate, sync, deadlines, report, tick). */
export function commonOptions(): Option[] {
  return [
    new Option('--today <YYYY-MM-DD>', 'the date to check against (default: today, UTC)'),
    new Option('--config <file>', 'charter parameters (default: the shipped config/charter.yaml)'),
  ];
}

/** `--format` with the given choices, the first being the default. */
export function formatOption(choices: readonly string[]): Option {
  return new Option('--format <format>', `output format: ${choices.join(', ')}`).choices(choices).default(choices[0]);
}

/** Validates `--today` and loads `--config`; throws BAD_OPTION or BAD_CONFIG with one clear line. */
export function resolveCommonOptions(values: CommonOptionValues, io: CliIo): CommonOptions {
  let today = toIsoDate(io.now().getTime());
  if (values.today !== undefined) {
    const parsed = parseIsoDate(values.today);
    if (!parsed) throw new CcegError('BAD_OPTION', `--today "${values.today}" is not a date; write it as YYYY-MM-DD.`);
    today = parsed;
  }
  return { today, config: loadCharterConfig(values.config ?? DEFAULT_CONFIG_PATH) };
}
