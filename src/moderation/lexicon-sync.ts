/**
 * Keeps a process's filter in step with the admins' word lists, without a restart:
 * loads the entries at start, reloads whenever a change is announced on the lexicon channel
 * (one subscriber connection per process), and once a minute in case an announcement was
 * lost while Redis was away.
 */
import type { Config } from '../config.js';
import type { FilterEngine } from '../filters/index.js';
import type { Logger } from '../logger.js';
import type { RedisKeys } from '../store/keys.js';
import type { LexiconStore } from '../store/lexicon.js';
import { createRedis } from '../store/redis.js';

export interface LexiconSync {
  /** Reloads now; resolves when the filter uses the current entries. */
  reload(): Promise<void>;
  close(): Promise<void>;
}

export interface LexiconSyncDeps {
  lexicon: Pick<LexiconStore, 'loadCustom'>;
  filter: Pick<FilterEngine, 'setCustom'>;
  /** The subscriber opens its own connection to this Redis. */
  config: Pick<Config, 'redisUrl' | 'redisSentinel' | 'redisCluster'>;
  keys: Pick<RedisKeys, 'lexiconChannel'>;
  logger: Logger;
}

const SAFETY_RELOAD_MS = 60_000;

export async function startLexiconSync(services: LexiconSyncDeps): Promise<LexiconSync> {
  const store = services.lexicon;
  let running: Promise<void> | null = null;
  let again = false;

  // Coalesces bursts: at most one load runs, and one more follows if changes arrived meanwhile.
  const reload = async (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        try {
          services.filter.setCustom(await store.loadCustom());
        } catch (error) {
          services.logger.warn({ err: (error as Error).message }, 'word list reload failed');
        }
      } while (again);
    })().finally(() => {
      running = null;
    });
    return running;
  };

  await reload();
  const subscriber = createRedis(services.config, 'subscriber');
  subscriber.on('message', (channel) => {
    if (channel === services.keys.lexiconChannel) void reload();
  });
  await subscriber.subscribe(services.keys.lexiconChannel);
  const timer = setInterval(() => void reload(), SAFETY_RELOAD_MS);
  timer.unref();

  return {
    reload,
    async close() {
      clearInterval(timer);
      subscriber.disconnect();
      await running;
    },
  };
}
