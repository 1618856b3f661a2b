import { randomBytes } from 'node:crypto';

/**
 * A name no other test (or test run) uses, for Redis key prefixes and database names: the
 * pid tells concurrent runs apart, the random part the tests of one run.
 */
export const uniqueName = (tag: string) => `${tag}_${process.pid}_${randomBytes(4).toString('hex')}`;
