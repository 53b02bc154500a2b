import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/models/**/*.test.ts', 'tests/wiki/**/*.test.ts', 'tests/components/**/*.test.{ts,tsx}', 'tests/trust/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
  },
});
