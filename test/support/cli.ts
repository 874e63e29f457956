// Runs the CLI in-process with captured output and a fixed clock, or as a real process through tsx.
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../functions/cli/program.js';

/** What one run printed and its exit code. */
export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** Runs `cceg argv…` in this process, with the clock at `now`. */
export async function cli(argv: string[], now = new Date('2018-06-01T12:00:00Z')): Promise<CliRun> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (text) => void (out += text), err: (text) => void (err += text), now: () => now });
  return { code, out, err };
}

const MAIN = fileURLToPath(new URL('../../functions/cli/main.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Runs `cceg argv…` as a separate Node process from the sources, as a user would from the repo root. */
export function cliProcess(argv: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): CliRun {
  const result = spawnSync(process.execPath, ['--import', 'tsx', MAIN, ...argv], { cwd: options.cwd ?? ROOT, encoding: 'utf8', timeout: 120_000, ...(options.env ? { env: options.env } : {}) });
  return { code: result.status ?? -1, out: result.stdout, err: result.stderr };
}

/** A `cceg` process started by `cliChild`, and how it ended. */
export interface CliChild {
  readonly child: ChildProcessWithoutNullStreams;
  /** Resolves when the process has exited: its exit code (null when a signal ended it), the signal, and its stderr. */
  readonly exited: Promise<{ readonly code: number | null; readonly signal: NodeJS.Signals | null; readonly err: string }>;
}

/** Starts `cceg argv…` as a separate Node process with piped streams, for tests that signal it or close its output early. */
export function cliChild(argv: string[], options: { cwd?: string } = {}): CliChild {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...argv], { cwd: options.cwd ?? ROOT });
  let err = '';
  child.stderr.setEncoding('utf8').on('data', (text: string) => void (err += text));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; err: string }>((resolve) => {
    child.once('close', (code, signal) => resolve({ code, signal, err }));
  });
  return { child, exited };
}
