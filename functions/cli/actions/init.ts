// What `cceg init FILE.xlsx` or `cceg init sheets:new --title T` does: writes a new workbook with every tab, header, dropdown and the system tabs.
import { workbookTemplate } from '../../core/template.js';
import { CcegError } from '../../core/errors.js';
import { EXIT, type CommandContext } from '../command-context.js';
import { workbookCreatorFor } from '../workbook-source.js';

/** Creates the workbook `file` names (never over an existing one) and says what it holds. */
export async function runInit(context: CommandContext, file: string, values: { readonly title?: string }): Promise<void> {
  const title = values.title?.trim();
  if (file.startsWith('sheets:')) {
    if (file !== 'sheets:new') throw new CcegError('BAD_OPTION', `${file}: init never writes into an existing spreadsheet; use sheets:new --title T.`);
    if (!title) throw new CcegError('BAD_OPTION', 'sheets:new needs --title T, the new spreadsheet\'s title.');
  } else {
    if (!file.toLowerCase().endsWith('.xlsx')) throw new CcegError('BAD_OPTION', `${file}: the new workbook's name must end in .xlsx.`);
    if (values.title !== undefined) throw new CcegError('BAD_OPTION', '--title names a new Google Sheet: use it with sheets:new.');
  }
  const template = workbookTemplate();
  const where = await (await workbookCreatorFor(file, { title })).create(template);
  context.io.out(`Wrote ${where} with ${template.tabs.length} tabs: ${template.tabs.map((tab) => tab.name).join(', ')}.\n`);
  context.exitCode = EXIT.ok;
}
