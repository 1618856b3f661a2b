/**
 * Keeps a process's filter in step with the admins' word lists, without a restart:
 * loads the entries at start, reloads whenever a change is announced on the lexicon channel
 * (one subscriber connection per process), and once a minute in case an announcement was
 * lost while Redis was away.
 */
import type { Services } from '../services.js';
import { LexiconStore } from '../store/lexicon.js';
import { createRedis } from '../store/redis.js';

export interface LexiconSync {
  /** Reloads now; resolves when the filter uses the current entries. */
  reload(): Promise<void>;
  close(): Promise<void>;
}

const SAFETY_RELOAD_MS = 60_000;

export async function startLexiconSync(
  services: Pick<Services, 'db' | 'filter' | 'config' | 'keys' | 'logger'>,
): Promise<LexiconSync> {
  const store = new LexiconStore(services.db);
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
  const subscriber = createRedis(services.config.redisUrl, 'subscriber');
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
