// What `cceg tick WORKBOOK` does: sync, then draft every document that has fallen due (once), re-rendering drafts whose data changed.
import { draftDueDocuments } from '../../app/draft-documents.js';
import { countOutcomes, describeDraftOutcome, missingDocumentFindings } from '../../app/draft-summary.js';
import type { StoreWarmUp } from '../../adapters/sqlite/store-warm-up.js';
import { counted } from '../../core/plural.js';
import { syncFromCli } from '../cli-sync.js';
import { EXIT, type CommandContext } from '../command-context.js';
import { documentsPublisherFor } from '../documents-source.js';
import type { CommonOptionValues } from '../options.js';
import { resolveCommonOptions } from '../resolve-options.js';

/** The options of `tick`, as commander hands them over. */
export interface TickOptionValues extends CommonOptionValues {
  readonly store?: string;
  readonly out?: string;
  readonly actor?: string;
}

/** Syncs `workbook`, drafts the documents due and prints what became of each; exit 2 when a draft failed. */
export async function runTick(context: CommandContext, workbook: string, values: TickOptionValues, warmUp: StoreWarmUp | null = null): Promise<void> {
  const { today, config } = resolveCommonOptions(values, context.io);
  await syncFromCli(context, workbook, { store: values.store, actor: values.actor, today, config, warmUp }, async ({ result, store }) => {
    const publisher = await documentsPublisherFor(workbook, values.out);
    const { documents, unchanged } = await draftDueDocuments({ store, publisher, rows: result.rows, today, config, runId: result.run.id, now: context.io.now });
    for (const document of documents) context.io.out(`${describeDraftOutcome(document)}\n`);
    for (const finding of missingDocumentFindings(result.findings)) context.io.out(`Still missing (${finding.rule}): ${finding.message}\n`);
    const counts = countOutcomes(documents);
    context.io.out(`Tick ${today}: ${counts.drafted} drafted, ${counts.updated} updated, ${counts.kept} kept, ${counts.failed} failed, ` +
      `${unchanged} up to date, ${counts.skipped} skipped (past); sync ${result.run.id} (${counted(result.summary.errors, 'error')}).\n`);
    context.exitCode = counts.failed > 0 ? EXIT.fault : result.summary.errors > 0 ? EXIT.findings : EXIT.ok;
  });
}
