// Runs `cceg` as its own Node process from the sources, and reads back its peak resident memory.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MAIN = join(ROOT, 'functions/cli/main.ts');
const PEAK_RSS = fileURLToPath(new URL('./report-peak-rss.ts', import.meta.url));

/** How a `cceg` process ended, with its peak resident set size (KB, as getrusage counts it). */
export interface CcegRun {
  readonly code: number | null;
  readonly out: string;
  readonly err: string;
  readonly peakRssKb: number | undefined;
  readonly seconds: number;
}

/** Runs `cceg argv…` (through tsx, as `npx tsx functions/cli/main.ts` would) and waits for it, at most `timeoutSeconds`. */
export function runCceg(argv: readonly string[], timeoutSeconds = 300): Promise<CcegRun> {
  const reportDir = mkdtempSync(join(tmpdir(), 'cceg-rss-'));
  const report = join(reportDir, 'peak-rss');
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', '--import', PEAK_RSS, MAIN, ...argv], {
    cwd: ROOT,
    env: { ...process.env, CCEG_PEAK_RSS_FILE: report },
    timeout: timeoutSeconds * 1000,
  });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => void (out += text));
  child.stderr.setEncoding('utf8').on('data', (text: string) => void (err += text));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => {
      let peakRssKb: number | undefined;
      try {
        peakRssKb = Number(readFileSync(report, 'utf8'));
      } catch {
        peakRssKb = undefined; // killed before it could say
      }
      rmSync(reportDir, { recursive: true, force: true });
      resolve({ code, out, err, peakRssKb, seconds: (performance.now() - started) / 1000 });
    });
  });
}
