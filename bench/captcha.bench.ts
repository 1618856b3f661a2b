/**
 * Captcha rendering figures: CPU time per image, images per second on 1, 2 and 4 render
 * threads (what a worker's pool refiller gets), and image sizes. The figures with the roles
 * apart (refill by the worker role, the api's event loop, GET /v1/captcha) are bench/captcha.ts
 * (`BENCH=captcha npm run bench`).
 *
 *   npx tsx bench/captcha.bench.ts        (BENCH=captcha-render npm run bench)
 */
import { cpus, loadavg } from 'node:os';
import { randomAnswer } from '../src/captcha/answer.js';
import { renderCaptcha } from '../src/captcha/render.js';
import { createRenderPool } from '../src/captcha/render-pool.js';

/** On a shared machine every wall-clock figure below moves with the load: print it. */
const loadLine = () =>
  `load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} on ${cpus().length} cores`;

async function threadRate(threads: number, total: number): Promise<number> {
  const pool = createRenderPool(threads);
  try {
    await Promise.all(Array.from({ length: threads * 2 }, () => pool.render())); // threads started and warm
    const started = performance.now();
    await Promise.all(Array.from({ length: total }, () => pool.render()));
    return total / ((performance.now() - started) / 1000);
  } finally {
    await pool.close();
  }
}

async function main() {
  console.log(`captcha render bench, ${loadLine()}`);
  for (let i = 0; i < 10; i++) renderCaptcha(randomAnswer()); // warm up
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const sizes: number[] = [];
  for (let i = 0; i < 100; i++) sizes.push(renderCaptcha(randomAnswer()).image.length);
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMs = (cpu.user + cpu.system) / 1000 / 100;
  console.log(
    `render CPU time:          ${cpuMs.toFixed(1)} ms per captcha (≈ ${(1000 / cpuMs).toFixed(0)} captchas/s per free core); wall ${((performance.now() - started) / 100).toFixed(1)} ms`,
  );
  const pngBytes = sizes.map((n) => ((n - 'data:image/png;base64,'.length) * 3) / 4);
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  console.log(
    `image size (100 samples): PNG mean ${kb(pngBytes.reduce((a, b) => a + b) / 100)}, max ${kb(Math.max(...pngBytes))}; data URL mean ${kb(sizes.reduce((a, b) => a + b) / 100)}, max ${kb(Math.max(...sizes))}`,
  );
  for (const threads of [1, 2, 4])
    console.log(`render threads: ${threads}:        ${(await threadRate(threads, 300)).toFixed(0)} captchas/s`);
  console.log(`captcha render bench done, ${loadLine()}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
