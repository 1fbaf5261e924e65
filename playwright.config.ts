import { defineConfig } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { CHROMIUM_ARGS } from './scripts/chromium-args.mjs';

const executablePath =
  process.env.CHROMIUM_PATH || execFileSync('node', ['scripts/ensure-chromium.mjs', '--quiet'], { encoding: 'utf8' }).trim();


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
    launchOptions: { executablePath, args: CHROMIUM_ARGS },
    trace: 'off',
  },
  webServer: {
    command: `npx vite preview --port ${PORT} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
