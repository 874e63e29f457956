// The `cceg` program: its verbs, and the one top-level catch that turns faults into exit code 2 and one line.
import { Command, CommanderError } from 'commander';
import { CcegError } from '../core/errors.js';
import { EXIT, type CommandContext } from './command-context.js';
import type { CliIo } from './io.js';
import { auditCommand } from './commands/audit.js';
import { deadlinesCommand } from './commands/deadlines.js';
import { demoCommand } from './commands/demo.js';
import { initCommand } from './commands/init.js';
import { reportCommand } from './commands/report.js';
import { syncCommand } from './commands/sync.js';
import { tallyCommand } from './commands/tally.js';
import { tickCommand } from './commands/tick.js';
import { todoCommand } from './commands/todo.js';
import { validateCommand } from './commands/validate.js';
import { packageVersion } from './version.js';

function configure(command: Command, io: CliIo): Command {
  return command
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err, outputError: (text, write) => write(`cceg: ${text.replace(/^error: /, '').trim().replace(/\s*\n\s*/g, ' ')}\n`) });
}

/** The `cceg` program with every verb, writing through `io` and leaving its exit code in `context`. */
function buildProgram(context: CommandContext): Command {
  const { io } = context;
  const program = configure(new Command('cceg'), io)
    .description('CCEG IG Ops: check a workbook against the charter of the CCEG on Internet Governance')
    .version(packageVersion(), '-V, --version', 'print the version of cceg')
    .showSuggestionAfterError(true);
  for (const verb of [initCommand, validateCommand, syncCommand, tallyCommand, deadlinesCommand, todoCommand, reportCommand, tickCommand, auditCommand, demoCommand]) {
    const command = configure(verb(context), io);
    for (const sub of command.commands) configure(sub, io);
    program.addCommand(command);
  }
  return program;
}

/** Runs one `cceg` command line; resolves to its exit code (0 ok, 1 findings, 2 could not run). Never throws. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const context: CommandContext = { io, exitCode: EXIT.ok, run: (next) => runCli(next, io) };
  try {
    await buildProgram(context).parseAsync([...argv], { from: 'user' });
    return context.exitCode;
  } catch (error) {
    return exitCodeOf(error, io);
  }
}

function exitCodeOf(error: unknown, io: CliIo): number {
  if (error instanceof CommanderError) {
    return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help' && error.exitCode === 0
      ? EXIT.ok
      : EXIT.fault;
  }
  if (error instanceof CcegError) {
    io.err(`cceg: ${error.message}\n`);
    return EXIT.fault;
  }
  io.err(`cceg: unexpected failure: ${error instanceof Error ? error.message : String(error)}\n`);
  return EXIT.fault;
}
