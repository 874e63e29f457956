// `cceg tick WORKBOOK`: sync, then draft every document that has fallen due (once), re-rendering drafts whose data changed.
import { Command, Option } from 'commander';
import { draftDueDocuments } from '../../app/draft-documents.js';
import { countOutcomes, describeDraftOutcome, missingDocumentFindings } from '../../app/draft-summary.js';
import { counted } from '../../core/plural.js';
import { syncFromCli } from '../cli-sync.js';
import { EXIT, type CommandContext } from '../command-context.js';
import { documentsPublisherFor } from '../documents-source.js';
import { commonOptions, resolveCommonOptions, type CommonOptionValues } from '../options.js';

interface TickOptionValues extends CommonOptionValues {
  readonly store?: string;
  readonly out?: string;
  readonly actor?: string;
}

/** The `tick` verb. */
export function tickCommand(context: CommandContext): Command {
  const command = new Command('tick')
    .description('sync, then draft every document that has fallen due (each once; a later tick re-renders it in place when its data changed)')
    .argument('<workbook>', 'an .xlsx file or sheets:<spreadsheetId>')
    .option('--store <store>', 'sqlite:PATH or firestore (default: sqlite beside the workbook)')
    .addOption(new Option('--out <dir>', 'a folder, or drive:<folderId> for Google Docs (default: documents beside an .xlsx workbook; the spreadsheet\'s Drive folder for sheets:<id>)'))
    .option('--actor <email>', 'who is syncing, for the audit log (default: the system user)');
  for (const option of commonOptions()) command.addOption(option);
  return command.action(async (workbook: string, values: TickOptionValues) => {
    const { today, config } = resolveCommonOptions(values, context.io);
    await syncFromCli(context, workbook, { store: values.store, actor: values.actor, today, config }, async ({ result, store }) => {
      const publisher = await documentsPublisherFor(workbook, values.out);
      const { documents, unchanged } = await draftDueDocuments({ store, publisher, rows: result.rows, today, config, runId: result.run.id, now: context.io.now });
      for (const document of documents) context.io.out(`${describeDraftOutcome(document)}\n`);
      for (const finding of missingDocumentFindings(result.findings)) context.io.out(`Still missing (${finding.rule}): ${finding.message}\n`);
      const counts = countOutcomes(documents);
      context.io.out(`Tick ${today}: ${counts.drafted} drafted, ${counts.updated} updated, ${counts.kept} kept, ${counts.failed} failed, ` +
        `${unchanged} up to date, ${counts.skipped} skipped (past); sync ${result.run.id} (${counted(result.summary.errors, 'error')}).\n`);
      context.exitCode = counts.failed > 0 ? EXIT.fault : result.summary.errors > 0 ? EXIT.findings : EXIT.ok;
    });
  });
}
