import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    environment: 'node',
    setupFiles: ['tests/unit/setup.ts'],
    // Timing is the bench's job: a test that renders PDFs or fills IndexedDB may be slow on a busy
    // two-core machine without being wrong, so only a hang should fail it.
    testTimeout: 30_000,
    // The default summary, then one line per missing tool that made tests skip.
    reporters: ['default', './tests/support/skip-reasons-reporter.ts'],
  },
});
