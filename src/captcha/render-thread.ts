/**
 * A render thread (node:worker_threads): renders captchas on request, so the CPU-heavy drawing
 * never runs on a process's event loop. Started by render-pool.ts; answers are drawn here with
 * crypto.randomInt and travel back to the parent with the image, never anywhere else.
 *
 * Message in: `{ seq, count }`. Message out: `{ seq, captchas }` or `{ seq, error }`: one message
 * per batch, so the parent's event loop handles one message per `count` images.
 */
import { parentPort } from 'node:worker_threads';
import { randomAnswer } from './answer.js';
import { renderCaptcha } from './render.js';

const port = parentPort;
if (!port) throw new Error('render-thread.ts runs as a worker thread only');

port.on('message', ({ seq, count }: { seq: number; count: number }) => {
  try {
    port.postMessage({ seq, captchas: Array.from({ length: count }, () => renderCaptcha(randomAnswer())) });
  } catch (error) {
    port.postMessage({ seq, error: error instanceof Error ? error.message : String(error) });
  }
});
