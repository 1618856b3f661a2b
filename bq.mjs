import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
const conn = new Redis({ maxRetriesPerRequest: null });
const q = new Queue('t1', { connection: conn, prefix: '{tst}' });
const w = new Worker('t1', async j => j.data.x * 2, { connection: new Redis({ maxRetriesPerRequest: null }), prefix: '{tst}' });
const done = new Promise(r => w.on('completed', (j, res) => r(res)));
await q.add('a', { x: 21 }, { jobId: 'abc' });
console.log(await done, await q.getJobCounts());
await q.obliterate({ force: true }); await w.close(); await q.close(); conn.disconnect();
