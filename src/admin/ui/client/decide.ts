/**
 * Approve/reject one card through the JSON API, then a 5-second undo: the opposite decision
 * with force, audited as an overturn. A comment someone else decided first is marked so.
 */
import { api, type ApiError } from './api.js';
import { cardOf, retire, setCardState } from './cards.js';
import { refreshCounts } from './counts.js';
import { statusWord, tr } from './dom.js';
import { toast } from './toast.js';

export interface StoredComment {
  id: string;
  status: string;
  decidedBy: string | null;
}

export type Action = 'approve' | 'reject';

/** Ids decided from this page, so their events from the stream are not "decided elsewhere". */
export const decidedHere = new Set<string>();
let lastUndo: (() => void) | null = null;

export function alreadyDecidedMessage(error: ApiError): string {
  const details = error.details ?? {};
  const status = typeof details.status === 'string' ? statusWord(details.status) : '';
  const who = details.decidedBy === 'filter' ? tr('card.byFilter') : tr('toast.anotherModerator');
  return status ? tr('toast.alreadyDecided', { who, status }) : error.message;
}

export async function decide(card: HTMLElement, action: Action, options: { force?: boolean } = {}): Promise<void> {
  const id = card.dataset.id!;
  if (card.classList.contains('done')) return;
  const force = options.force ?? card.querySelector<HTMLElement>(`button[data-action="${action}"]`)?.dataset.force === '1';
  const reason = action === 'reject' ? card.querySelector<HTMLSelectElement>('select.reason')?.value || undefined : undefined;
  decidedHere.add(id);
  const result = await api<StoredComment>('POST', `/admin/api/comments/${encodeURIComponent(id)}/${action}`, {
    ...(reason ? { reason } : {}),
    ...(force ? { force: true } : {}),
  });
  if (result.ok) {
    setCardState(card, action === 'approve' ? tr('toast.approved') : tr('toast.rejected'));
    retire(card);
    const undo = () => void overturn(id, action === 'approve' ? 'reject' : 'approve');
    lastUndo = undo;
    toast(action === 'approve' ? tr('toast.approved') : tr('toast.rejected'), { action: { label: tr('toast.undo'), run: undo } });
    setTimeout(() => {
      if (lastUndo === undo) lastUndo = null;
    }, 5000);
    refreshCounts();
    return;
  }
  decidedHere.delete(id);
  if (result.status === 401) return;
  if (result.error.code === 'already_decided' || result.error.code === 'conflict') {
    const message = alreadyDecidedMessage(result.error);
    setCardState(card, message, true);
    toast(message, { bad: true });
    refreshCounts();
    return;
  }
  toast(tr('toast.failed', { message: result.error.message }), { bad: true });
}

/** Undo: the opposite decision with force (audited as an overturn). */
async function overturn(id: string, action: Action): Promise<void> {
  lastUndo = null;
  const result = await api<StoredComment>('POST', `/admin/api/comments/${encodeURIComponent(id)}/${action}`, { force: true });
  if (result.ok) {
    toast(`${tr('toast.undone')} (${statusWord(result.body.status)})`);
    const card = cardOf(id);
    if (card) setCardState(card, statusWord(result.body.status));
  } else if (result.status !== 401) {
    toast(tr('toast.failed', { message: result.error.message }), { bad: true });
  }
  refreshCounts();
}

/** The u key: undo the last decision while its toast still offers it. */
export function undoLast(): void {
  lastUndo?.();
}
