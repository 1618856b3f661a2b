/**
 * Bulk approve/reject of the selected cards. In the pending tab one request to the bulk
 * endpoint; in the other tabs (which overturn, which the bulk endpoint does not do) one
 * forced decision per card. Either way one toast says what happened, and its undo reopens
 * them all.
 */
import { api, type ApiError } from './api.js';
import { cardOf, retire, selectedIds, setCardState, tab } from './cards.js';
import { refreshCounts } from './counts.js';
import { alreadyDecidedMessage, decide, decidedHere, doneMessage, type Action } from './decide.js';
import { statusWord, tr } from './dom.js';
import { toast } from './toast.js';
import { offerUndo } from './undo.js';

type BulkResult = { id: string; status?: string; error?: ApiError | string };

export async function bulk(action: Action): Promise<void> {
  const ids = selectedIds();
  if (ids.length === 0) {
    toast(tr('bulk.none'), { bad: true });
    return;
  }
  const reason = action === 'reject' ? (document.getElementById('bulk-reason') as HTMLSelectElement | null)?.value || undefined : undefined;
  const done = tab === 'pending' ? await bulkPending(ids, action, reason) : await oneByOne(ids, action, reason);
  if (!done) return;
  const failed = ids.length - done.length;
  offerUndo(done, doneMessage(action, done.length) + (failed ? ` · ${tr('toast.failedN', { n: failed })}` : ''), failed > 0);
  refreshCounts();
}

/** Decided tabs overturn, which the bulk endpoint does not do: one forced decision each. */
async function oneByOne(ids: string[], action: Action, reason: string | undefined): Promise<string[]> {
  const done: string[] = [];
  for (const id of ids) {
    const card = cardOf(id);
    if (card && (await decide(card, action, { force: true, reason, quiet: true }))) done.push(id);
  }
  return done;
}

/** The ids decided, or null when the request failed as a whole. */
async function bulkPending(ids: string[], action: Action, reason: string | undefined): Promise<string[] | null> {
  for (const id of ids) decidedHere.add(id);
  const result = await api<{ results: BulkResult[] }>('POST', '/admin/api/comments/bulk', { ids, action, ...(reason ? { reason } : {}) });
  if (!result.ok) {
    if (result.status !== 401) toast(tr('toast.failed', { message: result.error.message }), { bad: true });
    return null;
  }
  const done: string[] = [];
  for (const item of result.body.results) {
    const card = cardOf(item.id);
    if (item.status && !item.error) {
      done.push(item.id);
      if (card) {
        setCardState(card, statusWord(item.status));
        retire(card);
      }
    } else if (card) {
      const error = typeof item.error === 'string' ? { code: item.error, message: item.error } : item.error;
      setCardState(card, error ? alreadyDecidedMessage(error) : '', true);
    }
  }
  return done;
}
