// What a CLI run may touch besides files: its output streams and the clock (tests pass their own).

/** Output streams and the clock of one CLI run. */
export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly now: () => Date;
}

/** The process's own streams and the system clock. */
export const processIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  now: () => new Date(),
};
