// What `cceg sync WORKBOOK` does: validate, commit changed records with audit entries, write IDs, Status, Findings and Dashboard back.
import type { StoreWarmUp } from '../../adapters/sqlite/store-warm-up.js';
import { counted } from '../../core/plural.js';
import { syncFromCli } from '../cli-sync.js';
import { EXIT, type CommandContext } from '../command-context.js';
import { formatFindingsText } from '../format-findings.js';
import type { CommonOptionValues } from '../options.js';
import { resolveCommonOptions } from '../resolve-options.js';

/** The options of `sync`, as commander hands them over. */
export interface SyncOptionValues extends CommonOptionValues {
  readonly store?: string;
  readonly actor?: string;
}

/** Syncs `workbook` and prints its findings and what was committed; the exit code says whether any finding is an error. */
export async function runSync(context: CommandContext, workbook: string, values: SyncOptionValues, warmUp: StoreWarmUp | null = null): Promise<void> {
  const { today, config } = resolveCommonOptions(values, context.io);
  await syncFromCli(context, workbook, {
    store: values.store, actor: values.actor, today, config, warmUp, onProgress: values.format === 'json' ? undefined : (line) => context.io.out(`${line}\n`),
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
}
