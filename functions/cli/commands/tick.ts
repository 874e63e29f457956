// `cceg tick WORKBOOK`: sync, then draft every document that has fallen due (once), re-rendering drafts whose data changed.
import { Command, Option } from 'commander';
import type { CommandContext } from '../command-context.js';
import { commonOptions } from '../options.js';
import type { TickOptionValues } from '../actions/tick.js';

/** The `tick` verb; what it does, and the adapters it needs, are loaded when it runs. */
export function tickCommand(context: CommandContext): Command {
  const command = new Command('tick')
    .description('sync, then draft every document that has fallen due (each once; a later tick re-renders it in place when its data changed)')
    .argument('<workbook>', 'an .xlsx file or sheets:<spreadsheetId>')
    .option('--store <store>', 'sqlite:PATH or firestore (default: sqlite beside the workbook)')
    .addOption(new Option('--out <dir>', 'a folder, or drive:<folderId> for Google Docs (default: documents beside an .xlsx workbook; the spreadsheet\'s Drive folder for sheets:<id>)'))
    .option('--actor <email>', 'who is syncing, for the audit log (default: the system user)');
  for (const option of commonOptions()) command.addOption(option);
  return command.action(async (workbook: string, values: TickOptionValues) => {
    // The store's pages are checked on another thread while the tick's own modules load (the thread is started first,
    // after a few small modules).
    const { withLocalStoreWarmUp } = await import('../store-source.js');
    return withLocalStoreWarmUp(values.store, workbook, async (warmUp) => (await import('../actions/tick.js')).runTick(context, workbook, values, warmUp));
  });
}
