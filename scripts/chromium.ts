/**
 * The system's Chromium (Debian's `chromium` package), as the browser tests and benchmarks launch
 * it: no browser is ever downloaded. CHROMIUM_PATH points at another binary. The flags keep a
 * headless Chromium from reaching out to the network on its own (updates, sync, field trials).
 */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
