// What a reliability case is: a name, what it expects, and a run that says what it observed and whether that passes.

/** Where a case runs: a fresh temporary folder of its own, removed after the case. */
export interface CaseContext {
  readonly dir: string;
}

/** What a case saw. */
export interface CaseOutcome {
  /** One line: what happened (exit code and message, counts, …). */
  readonly observed: string;
  readonly pass: boolean;
  /** The peak resident memory of the `cceg` process it ran, in KB. */
  readonly peakRssKb?: number;
}

/** One case of `npm run test:reliability`: files under test/reliability/cases/ export `cases`, an array of these. */
export interface ReliabilityCase {
  readonly name: string;
  /** One line: what passing looks like. */
  readonly expected: string;
  run(context: CaseContext): Promise<CaseOutcome>;
}
