/**
 * The maintenance worker: housekeeping jobs from the `maintenance` queue's schedulers.
 * Today one job, `retention` (src/retention). Each run is idempotent: running it twice, or
 * on two worker copies, deletes and forgets nothing more than one run would.
 */
import type { Processor } from 'bullmq';
import { UnrecoverableError } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Config } from '../src/config.js';
import type { Logger } from '../src/logger.js';
import type { MaintenanceJobData, Queues } from '../src/queues/index.js';
import { RETENTION_JOB, runRetention, type RetentionResult } from '../src/retention/index.js';
import { forgetJobPersonalData, type JobRetentionResult } from '../src/retention/jobs.js';
import type { Queryable } from '../src/store/db.js';

export interface MaintenanceDeps {
  db: Queryable;
  config: Pick<Config, 'retention'>;
  logger: Logger;
  redis: Redis;
  queues: Pick<Queues, 'moderation'>;
}

export function maintenanceProcessor(deps: MaintenanceDeps): Processor<MaintenanceJobData, RetentionResult & JobRetentionResult> {
  return async function maintain(job) {
    if (job.name !== RETENTION_JOB) throw new UnrecoverableError(`unknown maintenance job "${job.name}"`);
    const rows = await runRetention(deps.db, deps.config.retention);
    // The same personal data where it sits in Redis: moderation jobs (src/retention/jobs.ts).
    const jobs = await forgetJobPersonalData({ redis: deps.redis, queue: deps.queues.moderation }, deps.config.retention);
    const result = { ...rows, ...jobs };
    deps.logger.info({ job: job.name, ...result }, 'retention run');
    return result;
  };
}
