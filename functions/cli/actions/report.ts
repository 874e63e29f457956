// What `cceg report …` does: renders one document from the workbook and publishes it to a folder or Drive.
import { RENDERERS } from '../../app/draft-documents.js';
import { assertDocumentSubject } from '../../core/documents/document-subjects.js';
import type { DueDocumentKind } from '../../core/documents/due-documents.js';
import { parseWorkbook } from '../../core/parse/parse-workbook.js';
import { EXIT, type CommandContext } from '../command-context.js';
import { documentsPublisherFor } from '../documents-source.js';
import type { CommonOptionValues } from '../options.js';
import { resolveCommonOptions } from '../resolve-options.js';
import { readWorkbook } from '../workbook-source.js';

/** A `report` document: its kind (the renderer `tick` drafts with, and the folder it is published under) and the option naming its subject. */
export interface ReportKind {
  readonly kind: DueDocumentKind;
  readonly subject: 'meeting' | 'paper' | 'call';
}

/** The options of `report`, as commander hands them over. */
export interface ReportOptionValues extends CommonOptionValues {
  readonly meeting?: string;
  readonly paper?: string;
  readonly call?: string;
  readonly out?: string;
  readonly runId?: string;
}

/** One `report` run: the document asked for, its subject's ID, the workbook, the options, and the folder used without `--out`. */
export interface ReportRequest {
  readonly report: ReportKind;
  readonly id: string;
  readonly workbook: string;
  readonly values: ReportOptionValues;
  readonly outDefault: string;
}

/** Renders the document and prints where it was published. */
export async function runReport(context: CommandContext, { report, id, workbook, values, outDefault }: ReportRequest): Promise<void> {
  const { today, config } = resolveCommonOptions(values, context.io);
  const { group } = parseWorkbook(await readWorkbook(workbook, config.limits));
  // Never a false document: a notice for a paper never adopted, a dissent nobody made, an update report for a call.
  assertDocumentSubject(group.rows, report.kind, id);
  const rendered = RENDERERS[report.kind](group.rows, id, { today, config, runId: values.runId ?? `local-${today}` });
  const publisher = await documentsPublisherFor(workbook, values.out, outDefault);
  const published = await publisher.publish({ kind: report.kind, key: id, title: rendered.title, html: rendered.html, previous: null });
  context.io.out(`${published.location}\n`);
  context.exitCode = EXIT.ok;
}
