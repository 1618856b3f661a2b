/**
 * Approve/reject one card through the JSON API (approve may carry the edited text), then the
 * toast with undo (./undo: reopen). A comment someone else decided first is marked so. A second
 * press on a card whose decision is still on its way does nothing: it is not a colleague's doing.
 */
import { api, type ApiError } from './api.js';
import { retire, setCardState } from './cards.js';
import { refreshCounts } from './counts.js';
import { statusWord, tr } from './dom.js';
import { toast } from './toast.js';
import { offerUndo } from './undo.js';

export interface StoredComment {
  id: string;
  status: string;
  decidedBy: string | null;
}

export type Action = 'approve' | 'reject';

export interface DecideOptions {
  force?: boolean;
  /** A preset picked with a number key; else the card's reason select. */
  reason?: string;
  /** The edited text to publish (approve only). */
  content?: string;
  /** Part of a bulk action, which shows one toast for all. */
  quiet?: boolean;
}

/** Ids decided from this page, so their events from the stream are not "decided elsewhere". */
export const decidedHere = new Set<string>();
/** Cards whose decision is on its way. */
const inFlight = new Set<string>();

export const doneMessage = (action: Action, n: number) => tr(action === 'approve' ? 'toast.approvedN' : 'toast.rejectedN', { n });

export function alreadyDecidedMessage(error: ApiError): string {
  const details = error.details ?? {};
  const status = typeof details.status === 'string' ? statusWord(details.status) : '';
  const who = details.decidedBy === 'filter' ? tr('card.byFilter') : tr('toast.anotherModerator');
  return status ? tr('toast.alreadyDecided', { who, status }) : error.message;
}

/** True when the decision was taken. */
export async function decide(card: HTMLElement, action: Action, options: DecideOptions = {}): Promise<boolean> {
  const id = card.dataset.id!;
  if (card.classList.contains('done') || inFlight.has(id)) return false;
  inFlight.add(id);
  card.setAttribute('aria-busy', 'true');
  try {
    return await send(card, id, action, options);
  } finally {
    inFlight.delete(id);
    card.removeAttribute('aria-busy');
  }
}

async function send(card: HTMLElement, id: string, action: Action, options: DecideOptions): Promise<boolean> {
  const force = options.force ?? card.querySelector<HTMLElement>(`button[data-action="${action}"]`)?.dataset.force === '1';
  const reason =
    action === 'reject' ? (options.reason ?? (card.querySelector<HTMLSelectElement>('select.reason')?.value || undefined)) : undefined;
  decidedHere.add(id);
  const result = await api<StoredComment>('POST', `/admin/api/comments/${encodeURIComponent(id)}/${action}`, {
    ...(reason ? { reason } : {}),
    ...(force ? { force: true } : {}),
    ...(options.content !== undefined ? { content: options.content } : {}),
  });
  if (result.ok) {
    setCardState(card, statusWord(result.body.status));
    retire(card);
    if (!options.quiet) {
      offerUndo([id], doneMessage(action, 1));
      refreshCounts();
    }
    return true;
  }
  decidedHere.delete(id);
  if (result.status === 401) return false;
  if (result.error.code === 'already_decided' || result.error.code === 'conflict') {
    const message = alreadyDecidedMessage(result.error);
    setCardState(card, message, true);
    if (!options.quiet) toast(message, { bad: true });
    refreshCounts();
    return false;
  }
  toast(tr('toast.failed', { message: result.error.message }), { bad: true });
  return false;
}
