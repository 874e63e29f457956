// The shared options parsed once into one typed object: the run's date and the charter parameters (read and validated here).
import type { CharterConfig } from '../core/config.js';
import { parseIsoDate, toIsoDate, type IsoDate } from '../core/dates.js';
import { CcegError } from '../core/errors.js';
import { DEFAULT_CONFIG_PATH, loadCharterConfig } from '../config/load-config.js';
import type { CliIo } from './io.js';
import type { CommonOptionValues } from './options.js';

/** The common options after validation: the run's date and the charter parameters. */
export interface CommonOptions {
  readonly today: IsoDate;
  readonly config: CharterConfig;
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
