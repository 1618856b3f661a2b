/**
 * Undo that undoes: the toast's "Hoàn tác" and the u key reopen what was just decided
 * (POST /admin/api/comments/:id/reopen), putting every comment of the decision, one or a
 * bulk, back in Chờ duyệt. Only the newest decision can be undone, while its toast shows.
 */
import { api } from './api.js';
import { restore } from './cards.js';
import { refreshCounts } from './counts.js';
import { tr } from './dom.js';
import { toast } from './toast.js';

interface Undoable {
  ids: string[];
}

const UNDO_MS = 5000;
let last: Undoable | null = null;

/** Shows what happened ("Đã duyệt 6 bình luận") with "Hoàn tác", replacing any older toast. */
export function offerUndo(ids: string[], message: string, bad = false): void {
  if (ids.length === 0) {
    toast(message, { bad });
    return;
  }
  const entry: Undoable = { ids };
  last = entry;
  toast(message, { bad, ms: UNDO_MS, action: { label: tr('toast.undo'), run: () => void reopen(entry) } });
  setTimeout(() => {
    if (last === entry) last = null;
  }, UNDO_MS);
}

/** The u key: undo the newest decision while its toast still offers it. */
export function undoLast(): void {
  if (last) void reopen(last);
}

async function reopen(entry: Undoable): Promise<void> {
  if (last !== entry) return; // already undone, or a newer decision replaced it
  last = null;
  const results = await Promise.all(
    entry.ids.map((id) => api<{ id: string; status: string }>('POST', `/admin/api/comments/${encodeURIComponent(id)}/reopen`, {})),
  );
  let reopened = 0;
  let failure = '';
  results.forEach((result, i) => {
    if (result.ok) {
      reopened += 1;
      restore(entry.ids[i], result.body.status);
    } else if (result.status !== 401) {
      failure = result.error.message;
    }
  });
  const failed = entry.ids.length - reopened;
  const message = tr('toast.reopenedN', { n: reopened }) + (failed ? ` · ${tr('toast.failedN', { n: failed })}: ${failure}` : '');
  toast(message, { bad: failed > 0 });
  refreshCounts();
}
