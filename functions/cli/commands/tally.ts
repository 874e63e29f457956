// `cceg tally WORKBOOK [PAPER]`: the endorsement tally of every paper, or of one.
import { Command } from 'commander';
import { CcegError } from '../../core/errors.js';
import { tallyOf } from '../../core/derived/tally.js';
import { formatTally } from '../../core/derived/tally-text.js';
import { parseWorkbook } from '../../core/parse/parse-workbook.js';
import { EXIT, type CommandContext } from '../command-context.js';
import { formatOption } from '../options.js';
import { readWorkbook } from '../workbook-source.js';

/** The `tally` verb. */
export function tallyCommand(context: CommandContext): Command {
  return new Command('tally')
    .description("each participating organization's decision on every paper (or one), and what the charter allows next")
    .argument('<workbook>', 'an .xlsx file or sheets:<spreadsheetId>')
    .argument('[paper]', 'a paper ID, e.g. PP-0001')
    .addOption(formatOption(['text', 'json']))
    .action(async (workbook: string, paper: string | undefined, values: { format?: string }) => {
      const { group } = parseWorkbook(await readWorkbook(workbook));
      let tallies = tallyOf(group.rows);
      if (paper !== undefined) {
        tallies = tallies.filter((tally) => tally.paperId.toLowerCase() === paper.trim().toLowerCase());
        if (tallies.length === 0) throw new CcegError('UNKNOWN_PAPER', `No paper ${paper} in the Papers tab of ${workbook} (or its row has a data finding; run cceg validate).`);
      }
      context.io.out(values.format === 'json' ? `${JSON.stringify({ tallies }, null, 2)}\n` : formatTally(tallies));
      context.exitCode = EXIT.ok;
    });
}
