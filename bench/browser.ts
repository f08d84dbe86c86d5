/** What every browser benchmark shares: Debian's Chromium launched headless, and a page-side frame counter. */
import { chromium, type Browser } from '@playwright/test';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Chromium from CHROMIUM_PATH or /usr/bin/chromium (Playwright's own browser download is not used). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

// Page scripts are passed as text: tsx would otherwise wrap named functions in a helper the page lacks.
/** Starts recording the time between animation frames in window.__benchFrames. */
export const START_FRAMES = `(() => {
  window.__benchFrames = [];
  window.__benchRun = true;
  let last = 0;
  const loop = (t) => {
    if (last) window.__benchFrames.push(t - last);
    last = t;
    if (window.__benchRun) requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
})()`;

/** Stops the recording and returns the frame intervals (ms). */
export const STOP_FRAMES = `(() => { window.__benchRun = false; return window.__benchFrames || []; })()`;
