/**
 * The moderator pages' one script, bundled with esbuild from the modules beside it
 * (src/admin/ui/bundle.ts; no framework, no dependencies).
 * - Every state change is a fetch with the session's CSRF token (meta csrf-token) in
 *   X-CSRF-Token; a 401 sends the moderator to the login page with "session expired" (./api).
 * - Queue: keyboard triage (j/k, a, r, 1–9, e, x, A, R, u, /, ?) (./keyboard), approve/reject
 *   via the JSON API (./decide) with a 5-second undo that reopens (./undo), bulk actions
 *   (./bulk), editing in place and folding (./edit), keeping reported comments (./reports),
 *   live tab counts and "decided elsewhere" marks from the SSE stream (./live).
 * - Forms marked data-api post their fields as JSON and reload on success (./forms).
 * All text is set with textContent; nothing from the server is parsed as HTML.
 */
import { wireForms } from './forms.js';
import { onKey } from './keyboard.js';
import { connectEvents } from './live.js';
import { wireQueue } from './queue.js';

wireForms();
wireQueue();
if (document.querySelector('[data-count]')) {
  document.addEventListener('keydown', onKey);
  connectEvents();
}
