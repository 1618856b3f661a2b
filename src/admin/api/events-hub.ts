/**
 * Live moderation events for server-sent events. One Redis subscriber connection per api
 * process, opened on the first listener and shared by every SSE client of this process: a
 * thousand open moderator tabs cost one Redis connection, not a thousand. Events come from
 * the Redis channel (keys.eventsChannel), so a decision taken on any api copy reaches
 * moderators connected to every other copy.
 */
import type { Redis } from 'ioredis';
import type { Logger } from '../../logger.js';
import { createRedis, type RedisEndpoint } from '../../store/redis.js';

export type EventListener = (message: string) => void;

export interface EventHubOptions {
  redis: RedisEndpoint;
  channel: string;
  logger: Logger;
}

export class EventHub {
  private subscriber: Redis | undefined;
  private subscribed: Promise<unknown> | undefined;
  private readonly listeners = new Set<EventListener>();
  private readonly onCloseCallbacks = new Set<() => void>();
  private closed = false;

  constructor(private readonly options: EventHubOptions) {}

  /**
   * Adds a listener; resolves once the subscription is live (so nothing published after
   * that is missed). The returned function removes it.
   */
  async listen(listener: EventListener, onHubClose?: () => void): Promise<() => void> {
    if (this.closed) throw new Error('event hub closed');
    this.listeners.add(listener);
    if (onHubClose) this.onCloseCallbacks.add(onHubClose);
    try {
      await this.connect();
    } catch (error) {
      this.listeners.delete(listener);
      if (onHubClose) this.onCloseCallbacks.delete(onHubClose);
      throw error;
    }
    return () => {
      this.listeners.delete(listener);
      if (onHubClose) this.onCloseCallbacks.delete(onHubClose);
    };
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  private connect(): Promise<unknown> {
    if (this.closed) return Promise.reject(new Error('event hub closed'));
    if (!this.subscribed) {
      const subscriber = createRedis(this.options.redis, 'subscriber');
      this.subscriber = subscriber;
      subscriber.on('message', (_channel: string, message: string) => {
        for (const listener of this.listeners) {
          try {
            listener(message);
          } catch (error) {
            this.options.logger.warn({ err: (error as Error).message }, 'event listener failed');
          }
        }
      });
      // ioredis re-subscribes by itself after a reconnect.
      this.subscribed = subscriber.subscribe(this.options.channel).catch((error) => {
        this.subscribed = undefined;
        subscriber.disconnect();
        throw error;
      });
    }
    return this.subscribed;
  }

  /** Ends every open stream and the subscriber connection (process shutdown). */
  close(): void {
    this.closed = true;
    for (const callback of this.onCloseCallbacks) callback();
    this.onCloseCallbacks.clear();
    this.listeners.clear();
    this.subscriber?.disconnect();
  }
}
