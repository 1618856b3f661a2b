/**
 * Job failures. A malformed payload can never succeed, so it fails at once with BullMQ's
 * UnrecoverableError; everything else (database down, network) throws a plain error and is
 * retried with backoff.
 */
import { UnrecoverableError } from 'bullmq';

export class InvalidJobError extends UnrecoverableError {
  constructor(queue: string, reason: string) {
    super(`Invalid ${queue} job: ${reason}`);
    this.name = 'InvalidJobError';
  }
}
