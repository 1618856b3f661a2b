/**
 * Bulk approve/reject of the selected cards. In the pending tab one request to the bulk
 * endpoint; in the decided tabs (which overturn, which the bulk endpoint does not do) one
 * forced decision per card.
 */
import { api, type ApiError } from './api.js';
import { cardOf, retire, selectedIds, setCardState, tab } from './cards.js';
import { refreshCounts } from './counts.js';
import { alreadyDecidedMessage, decide, decidedHere, type Action } from './decide.js';
import { statusWord, tr } from './dom.js';
import { toast } from './toast.js';

export async function bulk(action: Action): Promise<void> {
  const ids = selectedIds();
  if (ids.length === 0) {
    toast(tr('bulk.none'), { bad: true });
    return;
  }
  const reason = action === 'reject' ? (document.getElementById('bulk-reason') as HTMLSelectElement | null)?.value || undefined : undefined;
  if (tab !== 'pending') {
    // Decided tabs overturn, which the bulk endpoint does not do: one forced decision each.
    for (const id of ids) {
      const card = cardOf(id);
      if (card) await decide(card, action, { force: true });
    }
    return;
  }
  for (const id of ids) decidedHere.add(id);
  const result = await api<{ results: Array<{ id: string; status?: string; error?: ApiError | string }> }>(
    'POST',
    '/admin/api/comments/bulk',
    {
      ids,
      action,
      ...(reason ? { reason } : {}),
    },
  );
  if (!result.ok) {
    if (result.status !== 401) toast(tr('toast.failed', { message: result.error.message }), { bad: true });
    return;
  }
  let ok = 0;
  for (const item of result.body.results) {
    const card = cardOf(item.id);
    if (item.status && !item.error) {
      ok += 1;
      if (card) {
        setCardState(card, statusWord(item.status));
        retire(card);
      }
    } else if (card) {
      const error = typeof item.error === 'string' ? { code: item.error, message: item.error } : item.error;
      setCardState(card, error ? alreadyDecidedMessage(error) : '', true);
    }
  }
  toast(tr('bulk.done', { ok, failed: result.body.results.length - ok }), { bad: ok < result.body.results.length });
  refreshCounts();
}
