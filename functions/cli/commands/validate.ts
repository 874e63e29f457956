// `cceg validate WORKBOOK`: reads, checks and prints findings; changes nothing.
import { Command } from 'commander';
import type { CommandContext } from '../command-context.js';
import { commonOptions, formatOption, type CommonOptionValues } from '../options.js';

/** The `validate` verb; what it does is loaded when it runs. */
export function validateCommand(context: CommandContext): Command {
  const command = new Command('validate')
    .description('check a workbook against the charter and print every finding (changes nothing)')
    .argument('<workbook>', 'an .xlsx file or sheets:<spreadsheetId>')
    .addOption(formatOption(['text', 'json']));
  for (const option of commonOptions()) command.addOption(option);
  return command.action(async (workbook: string, values: CommonOptionValues) => (await import('../actions/validate.js')).runValidate(context, workbook, values));
}
