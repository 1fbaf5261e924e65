// Flags for Chromium on these machines: root (no sandbox), no GPU, and no background
// networking, which this closed network refuses many times a second. Shared by the e2e
// config, the benchmarks and scripts that drive the browser.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];
