import { defineConfig } from '@playwright/test';
import { execFileSync } from 'node:child_process';

const executablePath =
  process.env.CHROMIUM_PATH || execFileSync('node', ['scripts/ensure-chromium.mjs', '--quiet'], { encoding: 'utf8' }).trim();

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

const PORT = Number(process.env.E2E_PORT || 4180);

export default defineConfig({
  testDir: 'e2e',
  timeout: 90_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    viewport: { width: 1024, height: 768 },
    launchOptions: { executablePath, args: chromiumArgs },
    trace: 'off',
  },
  webServer: {
    command: `npx vite preview --port ${PORT} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
