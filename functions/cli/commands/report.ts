// `cceg report update|annual|notice|dissent|chair WORKBOOK --meeting|--paper|--call ID`: renders one document to a folder or Drive.
import { Argument, Command, Option } from 'commander';
import { CcegError } from '../../core/errors.js';
import { renderAnnualReport } from '../../core/documents/annual-report.js';
import { renderChairReport } from '../../core/documents/chair-report.js';
import type { DocumentContext, RenderedDocument } from '../../core/documents/html.js';
import { renderCirculationNotice, renderDissentNotice } from '../../core/documents/paper-notices.js';
import { renderUpdateReport } from '../../core/documents/update-report.js';
import type { GroupRows } from '../../core/model/group.js';
import { parseWorkbook } from '../../core/parse/parse-workbook.js';
import { EXIT, type CommandContext } from '../command-context.js';
import { documentsPublisherFor } from '../documents-source.js';
import { commonOptions, resolveCommonOptions, type CommonOptionValues } from '../options.js';
import { readWorkbook } from '../workbook-source.js';

type Subject = 'meeting' | 'paper' | 'call';

interface ReportKind {
  /** The document kind, the folder it is published under. */
  readonly kind: string;
  /** The option naming what the document is about. */
  readonly subject: Subject;
  readonly render: (rows: GroupRows, id: string, context: DocumentContext) => RenderedDocument;
}

/** Each `report` document: its kind, the option it needs and its renderer. */
const REPORTS: Readonly<Record<string, ReportKind>> = {
  update: { kind: 'update-report', subject: 'meeting', render: renderUpdateReport },
  annual: { kind: 'annual-report', subject: 'meeting', render: renderAnnualReport },
  notice: { kind: 'notice', subject: 'paper', render: renderCirculationNotice },
  dissent: { kind: 'dissent', subject: 'paper', render: renderDissentNotice },
  chair: { kind: 'chair-report', subject: 'call', render: renderChairReport },
};

/** The default folder documents are written to. */
export const DEFAULT_OUT_DIR = './cceg-documents';

interface ReportOptionValues extends CommonOptionValues {
  readonly meeting?: string;
  readonly paper?: string;
  readonly call?: string;
  readonly out?: string;
  readonly runId?: string;
}

/** The `report` verb. */
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
    const { today, config } = resolveCommonOptions(values, context.io);
    const { group } = parseWorkbook(await readWorkbook(workbook));
    const rendered = report.render(group.rows, id, { today, config, runId: values.runId ?? `local-${today}` });
    const publisher = await documentsPublisherFor(workbook, values.out, DEFAULT_OUT_DIR);
    const published = await publisher.publish({ kind: report.kind, key: id, title: rendered.title, html: rendered.html, previous: null });
    context.io.out(`${published.location}\n`);
    context.exitCode = EXIT.ok;
  });
}
