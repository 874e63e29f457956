// What `cceg validate WORKBOOK` does: reads, checks and prints findings; changes nothing.
import { validateWorkbook } from '../../core/validate.js';
import { EXIT, type CommandContext } from '../command-context.js';
import { formatFindingsText } from '../format-findings.js';
import type { CommonOptionValues } from '../options.js';
import { resolveCommonOptions } from '../resolve-options.js';
import { openWorkbookNote } from '../workbook-location.js';
import { readWorkbook } from '../workbook-source.js';

/** Validates `workbook` and prints its findings; the exit code says whether any is an error. */
export async function runValidate(context: CommandContext, workbook: string, values: CommonOptionValues): Promise<void> {
  const { today, config } = resolveCommonOptions(values, context.io);
  // Reading a workbook open in Excel or LibreOffice is safe (nothing is written): say that unsaved edits are not seen.
  const note = await openWorkbookNote(workbook);
  if (note !== null) context.io.err(`cceg: note: ${note}\n`);
  const { findings, summary } = validateWorkbook(await readWorkbook(workbook, config.limits), today, config);
  context.io.out(values.format === 'json' ? `${JSON.stringify({ findings, summary }, null, 2)}\n` : formatFindingsText(workbook, findings, summary));
  context.exitCode = summary.errors > 0 ? EXIT.findings : EXIT.ok;
}
