// `cceg deadlines WORKBOOK`: every date the charter rules compute, in order, as text, JSON or iCalendar.
import { Command } from 'commander';
import { deadlinesOf, type Deadline } from '../../core/derived/deadlines.js';
import { deadlinesToIcs } from '../../core/derived/deadlines-ics.js';
import { parseWorkbook } from '../../core/parse/parse-workbook.js';
import { counted } from '../../core/plural.js';
import { EXIT, type CommandContext } from '../command-context.js';
import { commonOptions, formatOption, resolveCommonOptions, type CommonOptionValues } from '../options.js';
import { readWorkbook } from '../workbook-source.js';

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

/** The `deadlines` verb. */
export function deadlinesCommand(context: CommandContext): Command {
  const command = new Command('deadlines')
    .description('the deadlines the charter sets, in date order (ics: a calendar file to import)')
    .argument('<workbook>', 'an .xlsx file or sheets:<spreadsheetId>')
    .addOption(formatOption(['text', 'json', 'ics']))
    .option('--all', 'text: also list the deadlines already met');
  for (const option of commonOptions()) command.addOption(option);
  return command.action(async (workbook: string, values: CommonOptionValues & { all?: boolean }) => {
    const { today, config } = resolveCommonOptions(values, context.io);
    const { group } = parseWorkbook(await readWorkbook(workbook, config.limits));
    const deadlines = deadlinesOf(group.rows, today, config);
    if (values.format === 'json') context.io.out(`${JSON.stringify({ today, deadlines }, null, 2)}\n`);
    else if (values.format === 'ics') context.io.out(deadlinesToIcs(deadlines, { calendarName: `${config.group.shortName} deadlines`, generatedAt: context.io.now().toISOString() }));
    else context.io.out(deadlinesText(deadlines, today, values.all === true));
    context.exitCode = EXIT.ok;
  });
}
