// Playwright settings for `npm run bench`: the built renderer in the same browser as the e2e tests
// (the base config finds it), one worker.
import { defineConfig } from '@playwright/test';
import base from '../../playwright.config';

// BENCH_PORT, else E2E_PORT (a helper's own port), so parallel runs never share a server.
const port = Number(process.env.BENCH_PORT ?? process.env.E2E_PORT ?? 4199);

export default defineConfig({
  testDir: '.',
  testMatch: /.*\.bench\.ts/,
  outputDir: process.env.PW_OUTPUT_DIR ?? '../../test-results-bench',
  workers: 1,
  retries: 0,
  reporter: [['list']],
  // 100,000 invoices take minutes to generate, store and read back on two cores.
  // BENCH_TIMEOUT_MIN raises it for a busy machine or BENCH_SIZES=1000000.
  timeout: Number(process.env.BENCH_TIMEOUT_MIN ?? 15) * 60_000,
  use: { ...base.use, baseURL: `http://127.0.0.1:${port}` },
  webServer: {
    command: 'node build/scripts/serve-web.mjs',
    cwd: '../..',
    url: `http://127.0.0.1:${port}`,
    env: { PORT: String(port) },
    reuseExistingServer: true,
    timeout: 60_000,
  },
});
