/** "Giữ lại" in the Bị báo cáo tab: the readers' reports are dismissed, the comment stays published. */
import { api } from './api.js';
import { retire, setCardState } from './cards.js';
import { refreshCounts } from './counts.js';
import { tr } from './dom.js';
import { toast } from './toast.js';

const busy = new Set<string>();

export async function keep(card: HTMLElement): Promise<void> {
  const id = card.dataset.id!;
  if (card.classList.contains('done') || busy.has(id)) return;
  busy.add(id);
  const result = await api('POST', `/admin/api/comments/${encodeURIComponent(id)}/reports/dismiss`, {});
  busy.delete(id);
  if (result.ok) {
    const message = tr('toast.keptN', { n: 1 });
    setCardState(card, message);
    retire(card);
    toast(message);
    refreshCounts();
  } else if (result.status !== 401) {
    toast(tr('toast.failed', { message: result.error.message }), { bad: true });
  }
}
