/**
 * A render thread (node:worker_threads): renders captchas on request, so the CPU-heavy drawing
 * never runs on a process's event loop. Started by render-pool.ts; answers are drawn here with
 * crypto.randomInt and travel back to the parent with the image, never anywhere else.
 *
 * Message in: `{ seq }`. Message out: `{ seq, captcha }` or `{ seq, error }`.
 */
import { parentPort } from 'node:worker_threads';
import { randomAnswer } from './answer.js';
import { renderCaptcha } from './render.js';

const port = parentPort;
if (!port) throw new Error('render-thread.ts runs as a worker thread only');

port.on('message', ({ seq }: { seq: number }) => {
  try {
    port.postMessage({ seq, captcha: renderCaptcha(randomAnswer()) });
  } catch (error) {
    port.postMessage({ seq, error: error instanceof Error ? error.message : String(error) });
  }
});
