// What every verb's action shares: the run's streams and clock, and where it leaves its exit code.
import type { CliIo } from './io.js';

/** Exit codes of the CLI contract. */
export const EXIT = { ok: 0, findings: 1, fault: 2 } as const;

/** The context of one CLI run, handed to every verb. */
export interface CommandContext {
  readonly io: CliIo;
  exitCode: number;
  /** Runs another command line in the same process (used by `demo`). */
  readonly run: (argv: readonly string[]) => Promise<number>;
}
