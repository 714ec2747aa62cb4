/**
 * The browser every browser test and the benchmark drive: Debian's `chromium` package
 * (`npx playwright install` cannot download here), headless, with nothing that reaches out
 * to other hosts.
 */
export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
