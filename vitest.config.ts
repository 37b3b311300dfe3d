import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    environment: 'node',
    setupFiles: ['tests/unit/setup.ts'],
    // The default summary, then one line per missing tool that made tests skip.
    reporters: ['default', './tests/support/skip-reasons-reporter.ts'],
  },
});
