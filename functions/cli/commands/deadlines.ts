// `cceg deadlines WORKBOOK`: every date the charter rules compute, in order, as text, JSON or iCalendar.
import { Command } from 'commander';
import type { CommandContext } from '../command-context.js';
import { commonOptions, formatOption } from '../options.js';
import type { DeadlinesOptionValues } from '../actions/deadlines.js';

/** The `deadlines` verb; what it does is loaded when it runs. */
export function deadlinesCommand(context: CommandContext): Command {
  const command = new Command('deadlines')
    .description('the deadlines the charter sets, in date order (ics: a calendar file to import)')
    .argument('<workbook>', 'an .xlsx file or sheets:<spreadsheetId>')
    .addOption(formatOption(['text', 'json', 'ics']))
    .option('--all', 'text: also list the deadlines already met');
  for (const option of commonOptions()) command.addOption(option);
  return command.action(async (workbook: string, values: DeadlinesOptionValues) => (await import('../actions/deadlines.js')).runDeadlines(context, workbook, values));
}
