import { defineConfig } from 'vitest/config';

// Tests pin time zone and locale (style.md habit 13); browser tests need generous timeouts.
process.env.TZ = 'Europe/Amsterdam';
process.env.LANG = 'nl_NL.UTF-8';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['.scratch*/**', 'node_modules/**', 'web/dist/**', 'geodata/build/**'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 180_000,
    pool: 'forks',
  },
});
