// Runs a Node script as a process of its own and reports how long it took and its peak resident memory.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** How one process ran: wall time from spawn to exit, and its peak RSS as getrusage counts it. */
export interface ProcessRun {
  readonly code: number | null;
  readonly ms: number;
  readonly peakRssMb: number;
  readonly stdout: string;
  readonly stderr: string;
}

const PRELOAD = `import { writeFileSync } from 'node:fs';
process.on('exit', () => writeFileSync(process.env.BENCH_PEAK_RSS_FILE, String(process.resourceUsage().maxRSS)));
`;

/** A scratch folder holding the preload that makes each process write down its peak RSS when it exits. */
export class ProcessRunner {
  private readonly dir = mkdtempSync(join(tmpdir(), 'cceg-bench-run-'));
  private readonly preload = join(this.dir, 'peak-rss.mjs');
  private count = 0;

  constructor() {
    writeFileSync(this.preload, PRELOAD);
  }

  /** Runs `node script args…` and waits for it; throws when it exits with a code not in `okCodes`. */
  async run(script: string, args: readonly string[], okCodes: readonly number[] = [0]): Promise<ProcessRun> {
    const report = join(this.dir, `rss-${this.count++}`);
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', this.preload, script, ...args], {
      env: { ...process.env, BENCH_PEAK_RSS_FILE: report }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => void (stdout += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => void (stderr += text));
    const code = await new Promise<number | null>((done, fail) => child.once('error', fail).once('close', done));
    const ms = performance.now() - started;
    if (code === null || !okCodes.includes(code)) throw new Error(`node ${script} ${args.join(' ')} exited with ${code}:\n${stderr}`);
    const peakRssMb = Number(readFileSync(report, 'utf8')) / 1024;
    rmSync(report, { force: true });
    return { code, ms, peakRssMb, stdout, stderr };
  }

  /** Removes the scratch folder. */
  close(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
