// Options shared by verbs (--today and --config for those that check on a date, --format): their definitions, loading nothing.
import { Option } from 'commander';

/** The shared options, as commander hands them over. */
export interface CommonOptionValues {
  readonly today?: string;
  readonly config?: string;
  readonly format?: string;
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
