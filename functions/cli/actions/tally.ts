// What `cceg tally WORKBOOK [PAPER]` does: prints the endorsement tally of every paper, or of one.
import { CcegError } from '../../core/errors.js';
import { tallyOf } from '../../core/derived/tally.js';
import { formatTally } from '../../core/derived/tally-text.js';
import { parseWorkbook } from '../../core/parse/parse-workbook.js';
import { EXIT, type CommandContext } from '../command-context.js';
import type { CommonOptionValues } from '../options.js';
import { resolveCommonOptions } from '../resolve-options.js';
import { readWorkbook } from '../workbook-source.js';

/** Prints the tally of every paper in `workbook`, or of `paper` only (UNKNOWN_PAPER when it has none), as it stands on `--today`. */
export async function runTally(context: CommandContext, workbook: string, paper: string | undefined, values: CommonOptionValues): Promise<void> {
  const { today, config } = resolveCommonOptions(values, context.io);
  const { group } = parseWorkbook(await readWorkbook(workbook, config.limits));
  let tallies = tallyOf(group.rows, today);
  if (paper !== undefined) {
    tallies = tallies.filter((tally) => tally.paperId.toLowerCase() === paper.trim().toLowerCase());
    if (tallies.length === 0) throw new CcegError('UNKNOWN_PAPER', `No paper ${paper} in the Papers tab of ${workbook} (or its row has a data finding; run cceg validate).`);
  }
  context.io.out(values.format === 'json' ? `${JSON.stringify({ tallies }, null, 2)}\n` : formatTally(tallies));
  context.exitCode = EXIT.ok;
}
