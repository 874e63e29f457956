// `cceg todo WORKBOOK`: the to-do list of the Dashboard (overdue, next 14 days, drafts ready), for everyone or one party.
import { Command } from 'commander';
import type { CommandContext } from '../command-context.js';
import { commonOptions, formatOption } from '../options.js';
import type { TodoOptionValues } from '../actions/todo.js';

/** The `todo` verb; what it does is loaded when it runs. */
export function todoCommand(context: CommandContext): Command {
  const command = new Command('todo')
    .description('what is overdue, due in the next 14 days, or drafted and not yet sent, and who acts')
    .argument('<workbook>', 'an .xlsx file or sheets:<spreadsheetId>')
    .option('--for <who>', 'only the items of an organization Code, chairs or staff')
    .option('--store <store>', 'where drafted documents are indexed: sqlite:PATH or firestore (default: sqlite beside the workbook, when it exists)')
    .addOption(formatOption(['text', 'json']));
  for (const option of commonOptions()) command.addOption(option);
  return command.action(async (workbook: string, values: TodoOptionValues) => (await import('../actions/todo.js')).runTodo(context, workbook, values));
}
