// `cceg sync WORKBOOK`: validate, commit changed records with audit entries, write IDs, Status, Findings and Dashboard back.
import { Command } from 'commander';
import { syncFromCli } from '../cli-sync.js';
import { counted } from '../../core/plural.js';
import { EXIT, type CommandContext } from '../command-context.js';
import { commonOptions, formatOption, resolveCommonOptions, type CommonOptionValues } from '../options.js';
import { formatFindingsText } from '../format-findings.js';

/** The `sync` verb. */
export function syncCommand(context: CommandContext): Command {
  const command = new Command('sync')
    .description('validate, commit changed records with audit entries, and write IDs, Status, Findings and Dashboard back')
    .argument('<workbook>', 'an .xlsx file or sheets:<spreadsheetId>')
    .option('--store <store>', 'sqlite:PATH or firestore (default: sqlite beside the workbook)')
    .option('--actor <email>', 'who is syncing, for the audit log (default: the system user)')
    .addOption(formatOption(['text', 'json']));
  for (const option of commonOptions()) command.addOption(option);
  return command.action(async (workbook: string, values: CommonOptionValues & { store?: string; actor?: string }) => {
    const { today, config } = resolveCommonOptions(values, context.io);
    await syncFromCli(context, workbook, {
      store: values.store, actor: values.actor, today, config, onProgress: values.format === 'json' ? undefined : (line) => context.io.out(`${line}\n`),
    }, ({ result }) => {
      const { counts } = result.run;
      if (values.format === 'json') {
        context.io.out(`${JSON.stringify({ run: result.run, findings: result.findings, summary: result.summary, cellsChanged: result.cellsChanged, auditHead: result.auditHead }, null, 2)}\n`);
      } else {
        context.io.out(formatFindingsText(workbook, result.findings, result.summary));
        context.io.out(`Sync ${result.run.id}: ${counts.created} created, ${counts.updated} updated, ${counts.tombstoned} tombstoned, ${counts.unchanged} unchanged, ${counts.notCommitted} not saved (data findings); ${counted(result.entries.length, 'audit entry', 'audit entries')}; ${counted(result.cellsChanged, 'workbook cell')} written; audit anchor ${result.auditHead === null ? 'none' : `${result.auditHead.seq}:${result.auditHead.hash}`}.\n`);
      }
      context.exitCode = result.summary.errors > 0 ? EXIT.findings : EXIT.ok;
      return Promise.resolve();
    });
  });
}
