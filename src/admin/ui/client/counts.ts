/** Live tab counts: refreshed after our own actions and on every event, at most twice a second. */
import { api } from './api.js';

let countsTimer: ReturnType<typeof setTimeout> | undefined;

export function refreshCounts(): void {
  if (!document.querySelector('[data-count]')) return;
  clearTimeout(countsTimer);
  countsTimer = setTimeout(async () => {
    const result = await api<{ counts: Record<string, number> }>('GET', '/admin/api/stats/queue');
    if (!result.ok) return;
    for (const [name, n] of Object.entries(result.body.counts)) {
      const el = document.querySelector<HTMLElement>(`[data-count="${name}"]`);
      if (el) el.textContent = String(n);
    }
  }, 400);
}
