// `cceg init FILE.xlsx`: writes a new workbook with every tab, header, dropdown and the system tabs.
import { Command } from 'commander';
import { workbookTemplate } from '../../core/template.js';
import { CcegError } from '../../core/errors.js';
import { XlsxWorkbookCreator } from '../../adapters/xlsx/create-xlsx.js';
import { EXIT, type CommandContext } from '../command-context.js';
import { commonOptions, resolveCommonOptions, type CommonOptionValues } from '../options.js';

/** The `init` verb. */
export function initCommand(context: CommandContext): Command {
  const command = new Command('init')
    .description('write a new workbook with every tab, header, dropdown, and the Findings and Dashboard tabs')
    .argument('<file>', 'the .xlsx file to create (never overwritten)');
  for (const option of commonOptions()) command.addOption(option);
  return command.action(async (file: string, values: CommonOptionValues) => {
    resolveCommonOptions(values, context.io);
    if (!file.toLowerCase().endsWith('.xlsx')) throw new CcegError('BAD_OPTION', `${file}: the new workbook's name must end in .xlsx.`);
    const template = workbookTemplate();
    const where = await new XlsxWorkbookCreator(file).create(template);
    context.io.out(`Wrote ${where} with ${template.tabs.length} tabs: ${template.tabs.map((tab) => tab.name).join(', ')}.\n`);
    context.exitCode = EXIT.ok;
  });
}
