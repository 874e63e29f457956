// `cceg validate WORKBOOK`: reads, checks and prints findings; changes nothing.
import { Command } from 'commander';
import { validateWorkbook } from '../../core/validate.js';
import { EXIT, type CommandContext } from '../command-context.js';
import { formatFindingsText } from '../format-findings.js';
import { commonOptions, formatOption, resolveCommonOptions, type CommonOptionValues } from '../options.js';
import { openWorkbookNote } from '../workbook-location.js';
import { readWorkbook } from '../workbook-source.js';

/** The `validate` verb. */
export function validateCommand(context: CommandContext): Command {
  const command = new Command('validate')
    .description('check a workbook against the charter and print every finding (changes nothing)')
    .argument('<workbook>', 'an .xlsx file or sheets:<spreadsheetId>')
    .addOption(formatOption(['text', 'json']));
  for (const option of commonOptions()) command.addOption(option);
  return command.action(async (workbook: string, values: CommonOptionValues) => {
    const { today, config } = resolveCommonOptions(values, context.io);
    // Reading a workbook open in Excel or LibreOffice is safe (nothing is written): say that unsaved edits are not seen.
    const note = await openWorkbookNote(workbook);
    if (note !== null) context.io.err(`cceg: note: ${note}\n`);
    const { findings, summary } = validateWorkbook(await readWorkbook(workbook, config.limits), today, config);
    context.io.out(values.format === 'json' ? `${JSON.stringify({ findings, summary }, null, 2)}\n` : formatFindingsText(workbook, findings, summary));
    context.exitCode = summary.errors > 0 ? EXIT.findings : EXIT.ok;
  });
}
