import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { include: ['tests/unit/**/*.perf.ts'], environment: 'node', testTimeout: 600_000 },
});
