/**
 * /count.js — fills every `[data-comment-count="ID"]` on a page with the approved count.
 *
 *   <span data-comment-count="bai-viet-123"></span>
 *   <script src="https://binhluan.example.vn/count.js" async></script>
 *
 * One GET /v1/counts for the whole page (ids deduplicated; more than 100 ids go in batches
 * of 100, the API's limit), so a listing of 30 articles costs the API one request.
 */
import { ARTICLE_ID_PATTERN } from '../../comments/id-patterns.js';
import { request } from './api.js';
import { whenReady } from './dom.js';
import { apiBaseFor, captureScriptSource } from './script-source.js';

const source = captureScriptSource('count.js');
const BATCH = 100;

function fillCounts(): void {
  const elements = document.querySelectorAll<HTMLElement>('[data-comment-count]');
  // Group by API base (an element may name its own with data-api), then by id.
  const byBase: Record<string, Record<string, HTMLElement[]>> = {};
  for (let i = 0; i < elements.length; i++) {
    const element = elements[i];
    const id = element.getAttribute('data-comment-count') || '';
    if (!ARTICLE_ID_PATTERN.test(id)) continue; // an id the API would refuse must not sink the whole batch
    const base = apiBaseFor(element, source);
    const ids = byBase[base] || (byBase[base] = {});
    (ids[id] || (ids[id] = [])).push(element);
  }
  for (const base of Object.keys(byBase)) {
    const ids = Object.keys(byBase[base]);
    for (let start = 0; start < ids.length; start += BATCH) {
      void fillBatch(base, ids.slice(start, start + BATCH), byBase[base]);
    }
  }
}

async function fillBatch(base: string, ids: string[], elementsById: Record<string, HTMLElement[]>): Promise<void> {
  const url = `${base}/v1/counts?articles=${ids.map(encodeURIComponent).join(',')}`;
  const result = await request<{ counts: Record<string, number> }>(url, { headers: { Accept: 'application/json' } });
  if (result.kind !== 'ok') return; // leave whatever the page shows (often nothing, or a cached number)
  const counts = result.data.counts || {};
  for (const id of ids) {
    const count = counts[id];
    if (typeof count !== 'number') continue;
    for (const element of elementsById[id]) element.textContent = String(count);
  }
}

whenReady(fillCounts);
