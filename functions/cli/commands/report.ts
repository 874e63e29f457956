// `cceg report update|annual|notice|dissent|chair WORKBOOK --meeting|--paper|--call ID`: renders one document to a folder or Drive.
import { Argument, Command, Option } from 'commander';
import { CcegError } from '../../core/errors.js';
import type { CommandContext } from '../command-context.js';
import { commonOptions } from '../options.js';
import type { ReportKind, ReportOptionValues } from '../actions/report.js';

/** Each `report` document: its kind and the option it needs. */
const REPORTS: Readonly<Record<string, ReportKind>> = {
  update: { kind: 'update-report', subject: 'meeting' },
  annual: { kind: 'annual-report', subject: 'meeting' },
  notice: { kind: 'notice', subject: 'paper' },
  dissent: { kind: 'dissent', subject: 'paper' },
  chair: { kind: 'chair-report', subject: 'call' },
};

/** The default folder documents are written to. */
export const DEFAULT_OUT_DIR = './cceg-documents';

/** The `report` verb; rendering and publishing are loaded when it runs. */
export function reportCommand(context: CommandContext): Command {
  const command = new Command('report')
    .description('render a document (HTML) into a folder or a Drive folder: update and annual reports, paper notices, a Chair\'s Report')
    .addArgument(new Argument('<document>', 'update, annual (--meeting), notice, dissent (--paper) or chair (--call)').choices(Object.keys(REPORTS)))
    .argument('<workbook>', 'an .xlsx file or sheets:<spreadsheetId>')
    .addOption(new Option('--meeting <id>', 'the ICANN meeting (update) or AGM (annual), e.g. ICANN63'))
    .addOption(new Option('--paper <id>', 'the paper (notice, dissent), e.g. PP-0001'))
    .addOption(new Option('--call <id>', 'the No Consensus consensus call (chair), e.g. CC-0005'))
    .addOption(new Option('--out <dir>', `a folder, or drive:<folderId> for Google Docs (default: ${DEFAULT_OUT_DIR}; for sheets:<id>, the spreadsheet's Drive folder)`))
    .addOption(new Option('--run-id <id>', 'the sync run the document names (default: local-<today>)'));
  for (const option of commonOptions()) command.addOption(option);
  return command.action(async (document: string, workbook: string, values: ReportOptionValues) => {
    const report = REPORTS[document];
    if (!report) throw new CcegError('BAD_OPTION', `Unknown document ${document}; choose one of ${Object.keys(REPORTS).join(', ')}.`);
    const id = values[report.subject]?.trim();
    if (id === undefined || id === '') throw new CcegError('BAD_OPTION', `cceg report ${document} needs --${report.subject} ID.`);
    await (await import('../actions/report.js')).runReport(context, { report, id, workbook, values, outDefault: DEFAULT_OUT_DIR });
  });
}
