// `cceg init FILE.xlsx` or `cceg init sheets:new --title T`: a new workbook with every tab, header, dropdown and the system tabs.
import { Command } from 'commander';
import { workbookTemplate } from '../../core/template.js';
import { CcegError } from '../../core/errors.js';
import { EXIT, type CommandContext } from '../command-context.js';
import { workbookCreatorFor } from '../workbook-source.js';

/** The `init` verb. */
export function initCommand(context: CommandContext): Command {
  return new Command('init')
    .description('write a new workbook with every tab, header, dropdown, and the Findings and Dashboard tabs')
    .argument('<file>', 'the .xlsx file to create (never overwritten), or sheets:new for a new Google Sheet')
    .option('--title <title>', 'the new Google Sheet\'s title (with sheets:new)')
    .action(async (file: string, values: { title?: string }) => {
      const title = values.title?.trim();
      if (file.startsWith('sheets:')) {
        if (file !== 'sheets:new') throw new CcegError('BAD_OPTION', `${file}: init never writes into an existing spreadsheet; use sheets:new --title T.`);
        if (!title) throw new CcegError('BAD_OPTION', 'sheets:new needs --title T, the new spreadsheet\'s title.');
      } else {
        if (!file.toLowerCase().endsWith('.xlsx')) throw new CcegError('BAD_OPTION', `${file}: the new workbook's name must end in .xlsx.`);
        if (values.title !== undefined) throw new CcegError('BAD_OPTION', '--title names a new Google Sheet: use it with sheets:new.');
      }
      const template = workbookTemplate();
      const where = await workbookCreatorFor(file, { title }).create(template);
      context.io.out(`Wrote ${where} with ${template.tabs.length} tabs: ${template.tabs.map((tab) => tab.name).join(', ')}.\n`);
      context.exitCode = EXIT.ok;
    });
}
