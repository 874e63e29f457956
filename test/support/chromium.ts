// Debian's Chromium for the tests and the screenshot scripts: where it is, whether it is there, and how it is started (never downloaded).
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

/** Debian's `chromium` package (`.ci/run` installs it). */
export const CHROMIUM = '/usr/bin/chromium';

/** Whether Chromium is installed; tests that need it are skipped, with a warning, when it is not. */
export const hasChromium = existsSync(CHROMIUM);

/** Headless, sandbox off (CI runs as root), and no background traffic: nothing leaves the machine. */
const LAUNCH_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Starts Debian's Chromium through playwright-core. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
}

/** Starts one Chromium before the enclosing suite's cases and closes it after them; `keep` receives it. */
export function chromiumForSuite(keep: (browser: Browser) => void): void {
  let started: Browser | undefined;
  beforeAll(async () => {
    started = await launchChromium();
    keep(started);
  }, 120_000);
  afterAll(async () => {
    await started?.close();
  });
}
