// `cceg tick WORKBOOK`: sync, then draft every document that has fallen due and was not drafted before.
import { dirname, join } from 'node:path';
import { Command, Option } from 'commander';
import { FolderDocumentPublisher } from '../../adapters/folder/folder-documents.js';
import { draftDueDocuments } from '../../app/draft-documents.js';
import { parseWorkbook } from '../../core/parse/parse-workbook.js';
import { syncFromCli } from '../cli-sync.js';
import { EXIT, type CommandContext } from '../command-context.js';
import { commonOptions, resolveCommonOptions, type CommonOptionValues } from '../options.js';
import { DEFAULT_OUT_DIR } from './report.js';

interface TickOptionValues extends CommonOptionValues {
  readonly store?: string;
  readonly out?: string;
  readonly actor?: string;
}

/** The folder `tick` drafts into by default: `documents` beside an .xlsx workbook, else the `report` default. */
export function defaultDocumentsDir(workbook: string): string {
  return workbook.startsWith('sheets:') ? DEFAULT_OUT_DIR : join(dirname(workbook), 'documents');
}

/** The `tick` verb. */
export function tickCommand(context: CommandContext): Command {
  const command = new Command('tick')
    .description('sync, then draft every document that has fallen due and was not drafted before (each once)')
    .argument('<workbook>', 'an .xlsx file or sheets:<spreadsheetId>')
    .option('--store <store>', 'sqlite:PATH or firestore (default: sqlite beside the workbook)')
    .addOption(new Option('--out <dir>', 'the folder to draft into (default: documents beside the workbook)'))
    .option('--actor <email>', 'who is syncing, for the audit log (default: the system user)');
  for (const option of commonOptions()) command.addOption(option);
  return command.action(async (workbook: string, values: TickOptionValues) => {
    const { today, config } = resolveCommonOptions(values, context.io);
    const publisher = new FolderDocumentPublisher(values.out ?? defaultDocumentsDir(workbook));
    await syncFromCli(context, workbook, { store: values.store, actor: values.actor, today, config }, async ({ result, reader, store }) => {
      // Read again: the sync may have written new IDs back, and documents are keyed by ID.
      const { group } = parseWorkbook(await reader.read());
      const { drafted, skipped } = await draftDueDocuments({ store, publisher, rows: group.rows, today, config, runId: result.run.id, now: context.io.now });
      for (const entry of drafted) context.io.out(`Drafted ${entry.kind} ${entry.key}: ${entry.location}\n`);
      context.io.out(`Tick ${today}: ${drafted.length} document(s) drafted, ${skipped} drafted before; sync ${result.run.id} (${result.summary.errors} error(s)).\n`);
      context.exitCode = result.summary.errors > 0 ? EXIT.findings : EXIT.ok;
    });
  });
}
