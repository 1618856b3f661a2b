import { configDefaults, defineConfig } from 'vitest/config';
import base from './vitest.config.js';

/**
 * `npm run test:unit`: the tests that need no Redis, PostgreSQL, child process or browser
 * (pure functions, rendering, parsing), in well under a minute; `npm test` runs them too, with
 * everything else. A test file belongs here when it imports nothing from tests/support but pure
 * helpers; a new file that needs a service simply stays out of this list.
 */
export const UNIT_TESTS = [
  'tests/filters/**/*.test.ts',
  'tests/widget/**/*.test.ts',
  'tests/admin/ui/{highlight,reasons}.test.ts',
  'tests/captcha/{answer,render}.test.ts',
  'tests/ops/{bearer,startup-checks}.test.ts',
  'tests/store/{batcher,page-cursor}.test.ts',
  'tests/config.test.ts',
  'tests/http/infrastructure-errors.test.ts',
];

// Built from the base config rather than merged with it: a merge would add these globs to its own.
export default defineConfig({
  test: {
    ...base.test,
    include: UNIT_TESTS,
    exclude: [
      ...configDefaults.exclude,
      'tests/filters/cli.test.ts', // runs the filter command line through npx tsx, a child process
      'tests/filters/model/committed-model.test.ts', // retrains the whole model (100 s on a loaded machine)
    ],
    // Nothing shared to protect: the files may run side by side, in threads, which start
    // faster than the forks the integration tests need (measured: 42 s against 66 s, loaded).
    fileParallelism: true,
    pool: 'threads',
    env: {
      ...base.test?.env,
      // Unreachable on purpose, so a unit test that reaches for a service fails here at once.
      TEST_REDIS_URL: 'redis://127.0.0.1:1',
      TEST_PG_ADMIN_URL: 'postgres://unit@127.0.0.1:1/none',
    },
  },
});
