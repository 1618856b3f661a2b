import { defineConfig } from 'vitest/config';

// Integration tests share one real Redis and one real PostgreSQL server; each file isolates
// itself (own Redis key prefix, own database), but running files one at a time keeps a
// 2-core machine from timing out under load and keeps port use predictable.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    env: { NODE_ENV: 'test' },
  },
});
