// `functions-framework --target=onSheetEdit` from the repository root, on the embedded defaults (.xlsx and SQLite).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';
import { compliantWorkbookRows } from '../support/compliant-workbook.js';
import { fill } from '../support/fill-workbook.js';
import { snapshotCells } from '../support/workbook-snapshot.js';
import { signedEdit } from '../support/functions/signed-edits.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The package's main, which the Functions Framework starts from the root: the bundle `npm run build` writes. */
const BUILT = join(ROOT, (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { main: string }).main);
const SECRET = 'e2e-secret-0123456789';
const dir = mkdtempSync(join(tmpdir(), 'cceg-ff-'));
const workbook = join(dir, 'group.xlsx');
let server: ChildProcess | undefined;
let url = '';

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

beforeAll(async () => {
  if (!existsSync(BUILT)) return;
  expect((await cli(['init', workbook])).code).toBe(0);
  await fill(workbook, compliantWorkbookRows());
  writeFileSync(join(dir, 'charter.yaml'), 'access:\n  staff: [ines@icann.example.org]\n');
  const port = await freePort();
  server = spawn(process.execPath, [join(ROOT, 'node_modules/@google-cloud/functions-framework/build/src/main.js'), '--target=onSheetEdit', `--port=${port}`], {
    cwd: ROOT,
    env: { ...process.env, CCEG_WEBHOOK_SECRET: SECRET, CCEG_WORKBOOK: workbook, CCEG_CONFIG: join(dir, 'charter.yaml'), CCEG_STORE: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    server!.stdout!.on('data', (chunk: Buffer) => (chunk.toString().includes('Serving function') ? resolve() : undefined));
    server!.on('exit', (code) => reject(new Error(`functions-framework exited with ${code}`)));
  });
  url = `http://127.0.0.1:${port}/`;
});
afterAll(() => {
  server?.kill();
});

describe.runIf(existsSync(BUILT))('npx functions-framework --target=onSheetEdit (after npm run build)', () => {
  it('refuses an unsigned edit with 401 and one JSON line', async () => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(response.status).toBe(401);
    expect(await response.text()).toMatch(/^\{"error":\{"code":"UNAUTHENTICATED","message":"[^\n]+"\}\}$/);
  });

  it('takes a signed edit and syncs the .xlsx workbook into the SQLite store beside it', async () => {
    const edit = { tab: 'Roster', range: 'B2', editor: 'ines@icann.example.org', oldValue: 'Ana Costa', newValue: 'Ana Costa' };
    const response = await fetch(url, signedEdit(edit, { secret: SECRET }));

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ synced: true, refused: 0 });
    expect(existsSync(join(dir, 'group.cceg.db'))).toBe(true);
    expect((await snapshotCells(workbook)).get('Roster!N2')).toContain('OK');
  });
});
