// `cceg report update|annual|notice|dissent|chair WORKBOOK --meeting|--paper|--call ID`: renders one document to a folder or Drive.
import { Argument, Command, Option } from 'commander';
import { RENDERERS } from '../../app/draft-documents.js';
import { assertDocumentSubject } from '../../core/documents/document-subjects.js';
import type { DueDocumentKind } from '../../core/documents/due-documents.js';
import { CcegError } from '../../core/errors.js';
import { parseWorkbook } from '../../core/parse/parse-workbook.js';
import { EXIT, type CommandContext } from '../command-context.js';
import { documentsPublisherFor } from '../documents-source.js';
import { commonOptions, resolveCommonOptions, type CommonOptionValues } from '../options.js';
import { readWorkbook } from '../workbook-source.js';

type Subject = 'meeting' | 'paper' | 'call';

interface ReportKind {
  /** The document kind: its renderer (the one `tick` drafts with) and the folder it is published under. */
  readonly kind: DueDocumentKind;
  /** The option naming what the document is about. */
  readonly subject: Subject;
}

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
    const { group } = parseWorkbook(await readWorkbook(workbook, config.limits));
    // Never a false document: a notice for a paper never adopted, a dissent nobody made, an update report for a call.
    assertDocumentSubject(group.rows, report.kind, id);
    const rendered = RENDERERS[report.kind](group.rows, id, { today, config, runId: values.runId ?? `local-${today}` });
    const publisher = await documentsPublisherFor(workbook, values.out, DEFAULT_OUT_DIR);
    const published = await publisher.publish({ kind: report.kind, key: id, title: rendered.title, html: rendered.html, previous: null });
    context.io.out(`${published.location}\n`);
    context.exitCode = EXIT.ok;
  });
}
