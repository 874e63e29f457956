// `cceg sync WORKBOOK`: validate, commit changed records with audit entries, write IDs, Status, Findings and Dashboard back.
import { Command } from 'commander';
import type { CommandContext } from '../command-context.js';
import { commonOptions, formatOption } from '../options.js';
import type { SyncOptionValues } from '../actions/sync.js';

/** The `sync` verb; what it does, and the store and workbook adapters it needs, are loaded when it runs. */
export function syncCommand(context: CommandContext): Command {
  const command = new Command('sync')
    .description('validate, commit changed records with audit entries, and write IDs, Status, Findings and Dashboard back')
    .argument('<workbook>', 'an .xlsx file or sheets:<spreadsheetId>')
    .option('--store <store>', 'sqlite:PATH or firestore (default: sqlite beside the workbook)')
    .option('--actor <email>', 'who is syncing, for the audit log (default: the system user)')
    .addOption(formatOption(['text', 'json']));
  for (const option of commonOptions()) command.addOption(option);
  return command.action(async (workbook: string, values: SyncOptionValues) => {
    // The store's pages are checked on another thread while the sync's own modules load (the thread is started first,
    // after a few small modules).
    const { withLocalStoreWarmUp } = await import('../store-source.js');
    return withLocalStoreWarmUp(values.store, workbook, async (warmUp) => (await import('../actions/sync.js')).runSync(context, workbook, values, warmUp));
  });
}
