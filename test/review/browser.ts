import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { removeDir } from '../helpers/temp-dir.ts';

/** Debian's Chromium (CI installs it; playwright-core never downloads a browser). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags that keep Chromium off the network (this closed network refuses its connections). */
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** Why the browser tests cannot run, or null when they can. */
export const chromiumMissing = (): string | null =>
  existsSync(CHROMIUM) ? null : `Chromium is not at ${CHROMIUM}: install Debian's chromium (apt-get install -y chromium; .ci/run does) or set CHROMIUM_PATH.`;

/** Headless Chromium with a fresh profile, which closing the browser removes. */
export async function launchChromium(viewport = { width: 1400, height: 900 }): Promise<BrowserContext> {
  const profile = await mkdtemp(path.join(os.tmpdir(), 'shenbao-chromium-'));
  let browser: BrowserContext;
  try {
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport,
      acceptDownloads: true,
    });
  } catch (e) {
    await removeDir(profile);
    throw e;
  }
  // Callers only close the browser; the profile folder it leaves in /tmp goes with it.
  const close = browser.close.bind(browser);
  browser.close = async (options) => {
    try {
      await close(options);
    } finally {
      await removeDir(profile);
    }
  };
  return browser;
}
