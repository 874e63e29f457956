// What `cceg deadlines WORKBOOK` does: prints every date the charter rules compute, in order, as text, JSON or iCalendar.
import { deadlinesOf, type Deadline } from '../../core/derived/deadlines.js';
import { deadlinesToIcs } from '../../core/derived/deadlines-ics.js';
import { parseWorkbook } from '../../core/parse/parse-workbook.js';
import { counted } from '../../core/plural.js';
import { EXIT, type CommandContext } from '../command-context.js';
import type { CommonOptionValues } from '../options.js';
import { resolveCommonOptions } from '../resolve-options.js';
import { readWorkbook } from '../workbook-source.js';

/** The options of `deadlines`, as commander hands them over. */
export interface DeadlinesOptionValues extends CommonOptionValues {
  readonly all?: boolean;
}

function deadlineLine(deadline: Deadline): string {
  const state = deadline.done ? 'done' : deadline.overdue ? 'OVERDUE' : 'due';
  return `${deadline.date}  ${state.padEnd(7)}  ${deadline.what} (for ${deadline.forWhom}; ${deadline.tab} ${deadline.id})`;
}

function deadlinesText(deadlines: readonly Deadline[], today: string, all: boolean): string {
  const shown = all ? deadlines : deadlines.filter((deadline) => !deadline.done);
  const met = deadlines.length - shown.length;
  const lines = [`Deadlines as of ${today}:`, ...shown.map(deadlineLine)];
  if (shown.length === 0) lines.push('  none open.');
  if (met > 0) lines.push(`(${counted(met, 'deadline')} already met ${met === 1 ? 'is' : 'are'} not shown; --all lists them.)`);
  return `${lines.join('\n')}\n`;
}

/**
 * Prints the deadlines of `workbook` as of `--today` in the `--format` asked for. The iCalendar has the calendar
 * function's UIDs (kind and record, no date); read from the sheet, which does not say when a row changed, every event is
 * SEQUENCE:0 without LAST-MODIFIED: a file to import once, where the function's feed is one to subscribe to.
 */
export async function runDeadlines(context: CommandContext, workbook: string, values: DeadlinesOptionValues): Promise<void> {
  const { today, config } = resolveCommonOptions(values, context.io);
  const { group } = parseWorkbook(await readWorkbook(workbook, config.limits));
  const deadlines = deadlinesOf(group.rows, today, config);
  if (values.format === 'json') context.io.out(`${JSON.stringify({ today, deadlines }, null, 2)}\n`);
  else if (values.format === 'ics') context.io.out(deadlinesToIcs(deadlines, { calendarName: `${config.group.shortName} deadlines`, generatedAt: context.io.now().toISOString() }));
  else context.io.out(deadlinesText(deadlines, today, values.all === true));
  context.exitCode = EXIT.ok;
}
