/**
 * The moderator pages' one script (no framework, no imports: tsc emits it browser-ready).
 * - Every state change is a fetch with the session's CSRF token (meta csrf-token) in
 *   X-CSRF-Token; a 401 sends the moderator to the login page with "session expired".
 * - Queue: keyboard triage (j/k, a, r, x, A, R, u, /, ?), approve/reject via the JSON API,
 *   bulk actions, a 5-second undo (an audited overturn with force), live tab counts and
 *   "decided elsewhere" marks from the SSE stream.
 * - Forms marked data-api post their fields as JSON and reload on success.
 * All text is set with textContent; nothing from the server is parsed as HTML.
 */
export {};

type Strings = Record<string, string>;
interface ApiError {
  code: string;
  message: string;
  details?: Record<string, unknown>;
}
type ApiResult<T> = { ok: true; status: number; body: T } | { ok: false; status: number; error: ApiError };

const body = document.body;
const strings: Strings = JSON.parse(body.dataset.i18n ?? '{}');
const csrf = document.querySelector<HTMLMetaElement>('meta[name="csrf-token"]')?.content ?? '';

function tr(key: string, vars: Record<string, string | number> = {}): string {
  return (strings[key] ?? key).replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

// ---------------------------------------------------------------- network

function toLogin(): void {
  toast(tr('toast.expired'), { bad: true });
  const next = location.pathname + location.search;
  setTimeout(() => location.assign(`/admin/login?expired=1&next=${encodeURIComponent(next)}`), 600);
}

async function api<T>(method: 'GET' | 'POST', path: string, payload?: unknown): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: {
        Accept: 'application/json',
        'Accept-Language': body.dataset.lang === 'en' ? 'en' : 'vi',
        ...(method === 'POST' ? { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf } : {}),
      },
      body: method === 'POST' ? JSON.stringify(payload ?? {}) : undefined,
    });
  } catch {
    return { ok: false, status: 0, error: { code: 'network', message: navigator.onLine ? 'network error' : 'offline' } };
  }
  if (response.status === 401) toLogin();
  const data = await response.json().catch(() => ({}));
  if (response.ok) return { ok: true, status: response.status, body: data as T };
  const error = (data as { error?: ApiError }).error ?? { code: 'http_' + response.status, message: response.statusText };
  return { ok: false, status: response.status, error };
}

// ---------------------------------------------------------------- toasts

const toasts = document.getElementById('toasts');

function toast(message: string, options: { action?: { label: string; run: () => void }; bad?: boolean; ms?: number } = {}): void {
  if (!toasts) return;
  const item = document.createElement('div');
  item.className = options.bad ? 'toast bad' : 'toast';
  const text = document.createElement('span');
  text.textContent = message;
  item.append(text);
  if (options.action) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = options.action.label;
    button.addEventListener('click', () => {
      item.remove();
      options.action?.run();
    });
    item.append(button);
  }
  toasts.append(item);
  setTimeout(() => item.remove(), options.ms ?? 5000);
}

// ---------------------------------------------------------------- generic JSON forms

function formPayload(form: HTMLFormElement): Record<string, string | null> {
  const payload: Record<string, string | null> = {};
  for (const [name, value] of new FormData(form)) {
    if (typeof value === 'string') payload[name] = value.trim() === '' ? null : value.trim();
  }
  return payload;
}

for (const form of document.querySelectorAll<HTMLFormElement>('form[data-api]')) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const message = form.querySelector<HTMLElement>('.form-message');
    const submit = form.querySelector<HTMLButtonElement>('button[type=submit]');
    if (submit) submit.disabled = true;
    const result = await api('POST', form.dataset.api!, formPayload(form));
    if (submit) submit.disabled = false;
    if (result.ok) {
      toast(tr('toast.saved'));
      setTimeout(() => location.reload(), 300);
      return;
    }
    if (result.status === 401) return;
    const fields = result.error.details?.fields as Record<string, string> | undefined;
    const text = result.error.message + (fields ? ` (${Object.entries(fields).map(([k, v]) => `${k}: ${v}`).join('; ')})` : '');
    if (message) {
      message.textContent = text;
      message.hidden = false;
    } else {
      toast(tr('toast.failed', { message: text }), { bad: true });
    }
  });
}

// ---------------------------------------------------------------- the queue

interface StoredComment {
  id: string;
  status: string;
  decidedBy: string | null;
}

const list = document.getElementById('cards');
const tab = list?.dataset.tab ?? document.querySelector<HTMLElement>('.tabs [aria-current=page]')?.dataset.tab ?? '';
const decidedHere = new Set<string>();
let current = -1;
let lastUndo: (() => void) | null = null;

const cards = (): HTMLElement[] => Array.from(document.querySelectorAll<HTMLElement>('#cards article.card:not(.gone)'));

function setCurrent(index: number, focus = true): void {
  const all = cards();
  if (all.length === 0) {
    current = -1;
    return;
  }
  current = Math.max(0, Math.min(index, all.length - 1));
  all.forEach((card, i) => card.classList.toggle('current', i === current));
  const card = all[current];
  if (focus) {
    card.focus({ preventScroll: true });
    card.scrollIntoView({ block: 'nearest' });
  }
}

const currentCard = (): HTMLElement | undefined => (current >= 0 ? cards()[current] : undefined);

function selectedIds(): string[] {
  return Array.from(document.querySelectorAll<HTMLInputElement>('#cards input.select:checked')).map((box) => box.value);
}

function updateSelection(): void {
  const n = selectedIds().length;
  const label = document.getElementById('selected-count');
  if (label) label.textContent = tr('bulk.selected', { n });
  for (const box of document.querySelectorAll<HTMLInputElement>('#cards input.select')) {
    box.closest('.card')?.classList.toggle('selected', box.checked);
  }
}

function cardOf(id: string): HTMLElement | null {
  return document.getElementById(`c-${id}`);
}

function setCardState(card: HTMLElement, text: string, elsewhere = false): void {
  const state = card.querySelector<HTMLElement>('.state');
  if (state) {
    state.textContent = text;
    state.classList.toggle('elsewhere', elsewhere);
  }
  card.classList.add('done');
  for (const button of card.querySelectorAll<HTMLButtonElement>('button[data-action]')) button.disabled = true;
  const box = card.querySelector<HTMLInputElement>('input.select');
  if (box) {
    box.checked = false;
    box.disabled = true;
  }
}

/** In the pending tab a decided card leaves the list, so j/k and a/r keep working on what is left. */
function retire(card: HTMLElement): void {
  const wasCurrent = card.classList.contains('current');
  const index = cards().indexOf(card);
  if (tab === 'pending') {
    card.classList.add('gone');
    card.closest('li')?.remove();
  }
  updateSelection();
  if (wasCurrent || index <= current) setCurrent(tab === 'pending' ? Math.min(index, cards().length - 1) : current, document.activeElement === document.body || wasCurrent);
}

function statusWord(status: string): string {
  return tr(`status.${status}`);
}

function alreadyDecidedMessage(error: ApiError): string {
  const details = error.details ?? {};
  const status = typeof details.status === 'string' ? statusWord(details.status) : '';
  const who = details.decidedBy === 'filter' ? tr('card.byFilter') : tr('toast.anotherModerator');
  return status ? tr('toast.alreadyDecided', { who, status }) : error.message;
}

async function decide(card: HTMLElement, action: 'approve' | 'reject', options: { force?: boolean } = {}): Promise<void> {
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
async function overturn(id: string, action: 'approve' | 'reject'): Promise<void> {
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

async function bulk(action: 'approve' | 'reject'): Promise<void> {
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
  ids.forEach((id) => decidedHere.add(id));
  const result = await api<{ results: Array<{ id: string; status?: string; error?: ApiError | string }> }>('POST', '/admin/api/comments/bulk', {
    ids,
    action,
    ...(reason ? { reason } : {}),
  });
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

// Live tab counts: refreshed after our own actions and on every event, at most twice a second.
let countsTimer: ReturnType<typeof setTimeout> | undefined;
function refreshCounts(): void {
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

let arrivals = 0;
function onEvent(raw: string): void {
  let event: { type?: string; id?: string; status?: string; decidedBy?: string | null };
  try {
    event = JSON.parse(raw);
  } catch {
    return;
  }
  refreshCounts();
  if (!event.id) return;
  if (event.type === 'comment.decided') {
    const card = cardOf(event.id);
    if (card && !decidedHere.has(event.id) && !card.classList.contains('done')) {
      setCardState(card, tr('card.decidedElsewhere', { status: statusWord(event.status ?? '') }), true);
    }
  } else if (event.type === 'comment.queued' && tab === 'pending' && event.status === 'pending') {
    arrivals += 1;
    const banner = document.getElementById('arrivals');
    const label = banner?.querySelector('span');
    if (banner && label) {
      label.textContent = tr('queue.newArrivals', { n: arrivals });
      banner.hidden = false;
    }
  }
}

function connectEvents(): void {
  if (!('EventSource' in window)) return;
  const source = new EventSource('/admin/api/events');
  const handler = (e: MessageEvent) => onEvent(String(e.data));
  // data-live tells the page (and tests) that updates flow; the stream replays nothing missed.
  source.addEventListener('open', () => (body.dataset.live = '1'));
  source.addEventListener('message', handler);
  source.addEventListener('comment.queued', handler as EventListener);
  source.addEventListener('comment.decided', handler as EventListener);
  source.addEventListener('error', async () => {
    body.dataset.live = '0';
    // EventSource retries by itself; a lost session must end on the login page instead.
    if (source.readyState === EventSource.CLOSED) {
      const me = await api('GET', '/admin/api/me');
      if (me.ok) setTimeout(connectEvents, 3000);
    }
  });
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit'].includes(target.type);
}

function onKey(event: KeyboardEvent): void {
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  if (isTyping(event.target)) {
    if (event.key === 'Escape' && event.target instanceof HTMLElement) event.target.blur();
    return;
  }
  const help = document.getElementById('help') as HTMLDialogElement | null;
  if (help?.open) return;
  const card = currentCard();
  switch (event.key) {
    case 'j':
      setCurrent(current + 1);
      break;
    case 'k':
      setCurrent(current <= 0 ? 0 : current - 1);
      break;
    case 'a':
      if (card) void decide(card, 'approve');
      break;
    case 'r':
      if (card) void decide(card, 'reject');
      break;
    case 'x': {
      const box = card?.querySelector<HTMLInputElement>('input.select');
      if (box && !box.disabled) {
        box.checked = !box.checked;
        updateSelection();
      }
      break;
    }
    case 'A':
      void bulk('approve');
      break;
    case 'R':
      void bulk('reject');
      break;
    case 'u':
      lastUndo?.();
      break;
    case '/':
      document.getElementById('f-q')?.focus();
      break;
    case '?':
      help?.showModal();
      break;
    default:
      return;
  }
  event.preventDefault();
}

if (list) {
  list.addEventListener('click', (event) => {
    const target = event.target as HTMLElement;
    const card = target.closest<HTMLElement>('article.card');
    if (!card) return;
    setCurrent(cards().indexOf(card), false);
    const button = target.closest<HTMLButtonElement>('button[data-action]');
    if (button) void decide(card, button.dataset.action as 'approve' | 'reject');
  });
  list.addEventListener('change', (event) => {
    if ((event.target as HTMLElement).matches('input.select')) updateSelection();
  });
  // Focus moving into a card (Tab key) makes it the current one.
  list.addEventListener('focusin', (event) => {
    const card = (event.target as HTMLElement).closest<HTMLElement>('article.card');
    if (card) {
      const index = cards().indexOf(card);
      if (index !== current) {
        current = index;
        cards().forEach((c, i) => c.classList.toggle('current', i === current));
      }
    }
  });
  setCurrent(0, false);
}

document.getElementById('select-all')?.addEventListener('change', (event) => {
  const checked = (event.target as HTMLInputElement).checked;
  for (const box of document.querySelectorAll<HTMLInputElement>('#cards input.select:not(:disabled)')) box.checked = checked;
  updateSelection();
});
for (const button of document.querySelectorAll<HTMLButtonElement>('[data-bulk]')) {
  button.addEventListener('click', () => void bulk(button.dataset.bulk as 'approve' | 'reject'));
}
for (const button of document.querySelectorAll<HTMLButtonElement>('[data-open-help]')) {
  button.addEventListener('click', () => (document.getElementById('help') as HTMLDialogElement | null)?.showModal());
}
if (document.querySelector('[data-count]')) {
  document.addEventListener('keydown', onKey);
  connectEvents();
}
