/**
 * A few render threads (render-thread.ts) and a queue in front of them. Each render goes to
 * the thread with the fewest renders outstanding. Threads start on the first render (a
 * process that never renders spends nothing), are unref'd (they never keep a process alive),
 * and a thread that dies fails its outstanding renders and is replaced on the next one.
 */
import { Worker } from 'node:worker_threads';
import type { RenderedCaptcha } from './render.js';

export interface RenderPool {
  /** Renders one captcha (random answer) on a render thread. */
  render(): Promise<RenderedCaptcha>;
  /** Renders `count`, spread over the threads, one message to and from each. */
  renderMany(count: number): Promise<RenderedCaptcha[]>;
  readonly threads: number;
  /** Terminates the threads; outstanding renders fail. */
  close(): Promise<void>;
}

type Pending = { resolve: (captchas: RenderedCaptcha[]) => void; reject: (error: Error) => void };
interface Thread {
  worker: Worker;
  pending: Map<number, Pending>;
}

/**
 * Built code (dist/) runs render-thread.js. Run from TypeScript (npm start, vitest), this
 * module is a .ts file, and on Node 20 a thread gets neither the parent's loader hooks nor a
 * working `--import tsx`: a two-line bootstrap registers tsx in the thread, then loads the file.
 */
function startThread(name: string): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./render-thread.js', import.meta.url), { name });
  const entry = JSON.stringify(new URL('./render-thread.ts', import.meta.url).href);
  // Resolved here: an eval'd thread resolves bare names from the working directory, not from us.
  const tsx = JSON.stringify(typeof import.meta.resolve === 'function' ? import.meta.resolve('tsx/esm/api') : 'tsx/esm/api');
  const bootstrap = `import(${tsx}).then(({ register }) => { register(); return import(${entry}); })`;
  return new Worker(bootstrap, { eval: true, name });
}

export function createRenderPool(threads: number): RenderPool {
  const size = Math.max(1, Math.floor(threads));
  const slots: Array<Thread | undefined> = Array.from({ length: size });
  let seq = 0;
  let closed = false;

  function spawn(slot: number): Thread {
    const worker = startThread(`captcha-render-${slot}`);
    worker.unref();
    const thread: Thread = { worker, pending: new Map() };
    worker.on('message', (message: { seq: number; captchas?: RenderedCaptcha[]; error?: string }) => {
      const waiter = thread.pending.get(message.seq);
      thread.pending.delete(message.seq);
      if (message.captchas) waiter?.resolve(message.captchas);
      else waiter?.reject(new Error(`captcha render failed: ${message.error}`));
    });
    const fail = (error: Error) => {
      if (slots[slot] === thread) slots[slot] = undefined;
      for (const waiter of thread.pending.values()) waiter.reject(error);
      thread.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`captcha render thread exited (${code})`)));
    return thread;
  }

  function leastBusy(): Thread {
    let best = -1;
    for (let i = 0; i < size; i++) {
      const load = slots[i]?.pending.size ?? 0;
      if (best < 0 || load < (slots[best]?.pending.size ?? 0)) best = i;
      if (load === 0) break; // an idle or unstarted slot: cannot do better
    }
    const thread = slots[best] ?? spawn(best);
    slots[best] = thread;
    return thread;
  }

  function send(count: number): Promise<RenderedCaptcha[]> {
    if (closed) return Promise.reject(new Error('captcha render pool closed'));
    const thread = leastBusy();
    const id = ++seq;
    return new Promise<RenderedCaptcha[]>((resolve, reject) => {
      thread.pending.set(id, { resolve, reject });
      thread.worker.postMessage({ seq: id, count });
    });
  }

  return {
    threads: size,
    async render() {
      const [captcha] = await send(1);
      return captcha;
    },
    async renderMany(count) {
      const share = Math.ceil(count / size);
      const parts: Array<Promise<RenderedCaptcha[]>> = [];
      for (let left = count; left > 0; left -= share) parts.push(send(Math.min(share, left)));
      return (await Promise.all(parts)).flat();
    },
    async close() {
      closed = true;
      await Promise.all(slots.splice(0).map((thread) => thread?.worker.terminate()));
    },
  };
}
