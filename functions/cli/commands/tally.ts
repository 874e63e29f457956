// `cceg tally WORKBOOK [PAPER]`: the endorsement tally of every paper, or of one.
import { Command } from 'commander';
import type { CommandContext } from '../command-context.js';
import { formatOption } from '../options.js';

/** The `tally` verb; what it does is loaded when it runs. */
export function tallyCommand(context: CommandContext): Command {
  return new Command('tally')
    .description("each participating organization's decision on every paper (or one), and what the charter allows next")
    .argument('<workbook>', 'an .xlsx file or sheets:<spreadsheetId>')
    .argument('[paper]', 'a paper ID, e.g. PP-0001')
    .addOption(formatOption(['text', 'json']))
    .action(async (workbook: string, paper: string | undefined, values: { format?: string }) => (await import('../actions/tally.js')).runTally(context, workbook, paper, values));
}
