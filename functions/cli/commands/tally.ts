// `cceg tally WORKBOOK [PAPER]`: the endorsement tally of every paper, or of one.
import { Command } from 'commander';
import type { CommandContext } from '../command-context.js';
import { commonOptions, formatOption, type CommonOptionValues } from '../options.js';

/** The `tally` verb; what it does is loaded when it runs. */
export function tallyCommand(context: CommandContext): Command {
  const command = new Command('tally')
    .description("each participating organization's decision on every paper (or one), where it stands on a date, and what the charter allows next")
    .argument('<workbook>', 'an .xlsx file or sheets:<spreadsheetId>')
    .argument('[paper]', 'a paper ID, e.g. PP-0001')
    .addOption(formatOption(['text', 'json']));
  for (const option of commonOptions()) command.addOption(option);
  return command.action(async (workbook: string, paper: string | undefined, values: CommonOptionValues) => (await import('../actions/tally.js')).runTally(context, workbook, paper, values));
}
