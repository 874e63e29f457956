// What a CLI run may touch besides files: its output streams, the clock and stop signals (tests pass their own).
import { onStopSignal, type StopCleanup, type StopWatching } from './stop-signals.js';

/** Output streams, the clock and the stop signals of one CLI run. */
export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly now: () => Date;
  /** True once whoever read standard output has closed it (`cceg audit export | head -1`): further output is dropped. */
  readonly outClosed?: () => boolean;
  /** Runs `cleanup` if the run is asked to stop (SIGINT, SIGTERM), then ends it; call the returned function to stop watching. */
  readonly onStop?: (cleanup: StopCleanup) => StopWatching;
}

/**
 * The process's own streams, the system clock and its SIGINT and SIGTERM. Output to a pipe its reader has closed is
 * dropped instead of crashing on EPIPE, as `head` and `less` expect of a command.
 */
export function processIo(): CliIo {
  const stdout = process.stdout;
  stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') process.stderr.write(`cceg: cannot write to standard output: ${error.code ?? error.message}\n`);
  });
  const outClosed = () => !stdout.writable || stdout.errored !== null;
  return {
    out: (text) => {
      if (!outClosed()) stdout.write(text);
    },
    err: (text) => process.stderr.write(text),
    now: () => new Date(),
    outClosed,
    onStop: onStopSignal,
  };
}
