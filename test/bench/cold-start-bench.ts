// Times the cold start of each Functions Framework target (spawn to first HTTP answer) against a hello-world function that constructs a Firestore client.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { DEPLOYED_CONFIG, ROOT } from './build.js';
import { median } from './measure.js';
import type { GoalRow } from './report.js';

/** The targets of functions/index.ts, timed against the hello-world function. */
export const COLD_START_TARGETS = ['onSheetEdit', 'tick', 'audit', 'calendar'] as const;
/** A target is ready soon enough when its median start is at most this many times the hello-world one's. */
export const COLD_START_GOAL = 1.2;

const FRAMEWORK = join(ROOT, 'node_modules/@google-cloud/functions-framework/build/src/main.js');
const HELLO = 'hello';
const HELLO_SOURCE = `import * as functions from '@google-cloud/functions-framework';
import { Firestore } from '@google-cloud/firestore';
const db = new Firestore({ projectId: 'x' });
functions.http('hello', (req, res) => { res.send(db ? 'hello' : ''); });
`;

/**
 * The environment of every start: a Firestore store, a Google Sheet, a secret, the deployed config `config`; every
 * Google endpoint on a loopback port nothing listens on (Firestore emulator, Sheets and Drive, the metadata server), so
 * no request leaves the machine.
 */
function coldStartEnvironment(config: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'production',
    CCEG_STORE: 'firestore', GOOGLE_CLOUD_PROJECT: 'demo-cceg', FIRESTORE_EMULATOR_HOST: '127.0.0.1:1',
    CCEG_WORKBOOK: 'sheets:abc', CCEG_WEBHOOK_SECRET: 'x', CCEG_CONFIG: config,
    CCEG_GOOGLE_ROOT_URL: 'http://127.0.0.1:1/', GCE_METADATA_HOST: '127.0.0.1:1', GCE_METADATA_IP: '127.0.0.1:1', METADATA_SERVER_DETECTION: 'none',
  };
}

/** Writes the hello-world function into `dir/hello` (it resolves packages through the build folder's link to node_modules). */
function writeHello(dir: string): string {
  const hello = join(dir, HELLO);
  mkdirSync(hello);
  writeFileSync(join(hello, 'index.js'), HELLO_SOURCE);
  return hello;
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    }).on('error', fail);
  });
}

/** The status of the port's HTTP answer; null when refused or slower than `timeoutMs`. */
async function answer(port: number, timeoutMs: number): Promise<number | null> {
  try {
    return (await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(timeoutMs) })).status;
  } catch {
    return null;
  }
}

/**
 * Milliseconds from spawning the framework with `target` from `source` on the config `config` to its first HTTP answer;
 * the process is then killed. A 5xx answer throws: the target's first request builds its handler on that config (a
 * config that did not load is a 500), so a start is timed only once the process has really loaded it.
 */
async function coldStart(target: string, source: string, config: string): Promise<number> {
  const port = await freePort();
  const start = performance.now();
  const child = spawn(process.execPath, [FRAMEWORK, `--target=${target}`, `--source=${source}`, `--port=${port}`], { env: coldStartEnvironment(config), stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  try {
    let status: number | null;
    while ((status = await answer(port, 250)) === null) {
      if (child.exitCode !== null) throw new Error(`${target} exited with ${child.exitCode} before answering:\n${stderr}`);
      if (performance.now() - start > 30_000) throw new Error(`${target} did not answer within 30 s:\n${stderr}`);
      await new Promise((done) => setTimeout(done, 5));
    }
    const elapsed = performance.now() - start;
    if (status >= 500) throw new Error(`${target} answered ${status} on ${config}:\n${stderr}`);
    return elapsed;
  } finally {
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGKILL');
    await exited;
  }
}

/** The deployed config of the build folder `dir`; throws unless the build compiled it into `lib`, as `npm run build` does for a deployment. */
function compiledDeployedConfig(dir: string, lib: string): string {
  const config = join(dir, 'config', DEPLOYED_CONFIG);
  const compiled = JSON.parse(readFileSync(join(lib, 'compiled-configs.json'), 'utf8')) as { text: string }[];
  if (!compiled.some(({ text }) => text === readFileSync(config, 'utf8'))) throw new Error(`The build did not compile ${config}.`);
  return config;
}

/**
 * Starts the hello-world function and each target of the build folder `dir` (its package's `main`, the bundle in
 * `lib`, as a deployment starts it) on its deployed config, in turn, `runs` rounds after one warm-up round
 * (alternating, so the machine's load weighs on all alike), and holds each target's median to the hello-world one
 * (the floor). `dir` links node_modules.
 */
export async function coldStartGoals(dir: string, lib: string, runs: number): Promise<GoalRow[]> {
  const config = compiledDeployedConfig(dir, lib);
  const starts = [{ name: HELLO, source: writeHello(dir) }, ...COLD_START_TARGETS.map((name) => ({ name, source: dir }))];
  const ms = new Map<string, number[]>(starts.map(({ name }) => [name, []]));
  for (let round = 0; round <= runs; round++) {
    for (const { name, source } of starts) {
      const elapsed = await coldStart(name, source, config);
      if (round > 0) ms.get(name)!.push(elapsed);
    }
  }
  const floor = median(ms.get(HELLO)!);
  return COLD_START_TARGETS.map((target) => {
    const starts = ms.get(target)!;
    const measured = median(starts);
    return {
      what: `cold start: ${target}`, rows: null, measured: `${measured.toFixed(0)} ms`, floor: `hello world + Firestore client ${floor.toFixed(0)} ms`,
      ratio: measured / floor, goal: COLD_START_GOAL, note: `spawn to first HTTP answer, median of ${runs} (${Math.min(...starts).toFixed(0)}–${Math.max(...starts).toFixed(0)} ms)`,
    };
  });
}
