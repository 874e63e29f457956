// `cceg init FILE.xlsx` or `cceg init sheets:new --title T`: a new workbook with every tab, header, dropdown and the system tabs.
import { Command } from 'commander';
import type { CommandContext } from '../command-context.js';

/** The `init` verb; what it does, and the workbook adapter it needs, are loaded when it runs. */
export function initCommand(context: CommandContext): Command {
  return new Command('init')
    .description('write a new workbook with every tab, header, dropdown, and the Findings and Dashboard tabs')
    .argument('<file>', 'the .xlsx file to create (never overwritten), or sheets:new for a new Google Sheet')
    .option('--title <title>', 'the new Google Sheet\'s title (with sheets:new)')
    .action(async (file: string, values: { title?: string }) => (await import('../actions/init.js')).runInit(context, file, values));
}
