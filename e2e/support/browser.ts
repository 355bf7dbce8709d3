// Finds the system Chromium; Playwright's own browser download is not used.
import fs from 'node:fs';
import type { LaunchOptions } from '@playwright/test';

/** The Chromium binary: CHROMIUM_PATH, else the Debian/Ubuntu location. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

/** Throws a message that says how to get Chromium when it is missing. */
export function assertChromiumInstalled(): void {
  const path = chromiumPath();
  if (!fs.existsSync(path)) {
    throw new Error(
      `Chromium is needed for the browser tests but was not found at ${path}. ` +
        'Install it with `sudo apt-get install -y chromium` (Debian/Ubuntu), or set CHROMIUM_PATH to a Chromium or Chrome binary.',
    );
  }
}

/** Launch options for the system Chromium, headless, without any traffic to other hosts. */
export function chromiumLaunchOptions(): LaunchOptions {
  return {
    executablePath: chromiumPath(),
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-default-apps',
      '--disable-extensions',
    ],
  };
}
