// End-to-end tests drive the built renderer (web mode) in the machine's Chromium or Chrome; no
// browser is downloaded (build/scripts/find-browser.mjs says which one, or what to install).
import { defineConfig } from '@playwright/test';
import { browserPathForPlaywright } from './build/scripts/find-browser.mjs';

const chromiumPath = browserPathForPlaywright();
const port = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: process.env.PW_OUTPUT_DIR ?? 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  timeout: 90_000,
  // Signing a plan renders its agreement PDF first: seconds on a busy two-core machine. The
  // assertions are about what the screen ends up showing; timing belongs to the bench.
  expect: { timeout: 15_000 },
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'es-ES',
    timezoneId: 'Europe/Madrid',
    viewport: { width: 1360, height: 860 },
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
        '--no-first-run',
      ],
    },
  },
  projects: [
    { name: 'chromium-web', testIgnore: /electron-.*\.spec\.ts/ },
    { name: 'electron', testMatch: /electron-.*\.spec\.ts/ },
  ],
  webServer: {
    command: `node build/scripts/serve-web.mjs`,
    url: `http://127.0.0.1:${port}`,
    env: { PORT: String(port) },
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
