/**
 * Live updates from the SSE stream (/admin/api/events): tab counts, "decided elsewhere" marks
 * on cards, and the new-arrivals banner in the pending tab.
 */
import { api } from './api.js';
import { cardOf, setCardState, tab } from './cards.js';
import { refreshCounts } from './counts.js';
import { decidedHere } from './decide.js';
import { body, statusWord, tr } from './dom.js';

let arrivals = 0;
/** Every named event refreshes the tab counts; reports and reopenings change them too. */
const LIVE_EVENTS = [
  'comment.queued',
  'comment.decided',
  'comment.reopened',
  'comment.edited',
  'comment.reported',
  'comment.reports_dismissed',
];

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

export function connectEvents(): void {
  if (!('EventSource' in window)) return;
  const source = new EventSource('/admin/api/events');
  const handler = (e: MessageEvent) => onEvent(String(e.data));
  // data-live tells the page (and tests) that updates flow; the stream replays nothing missed.
  source.addEventListener('open', () => (body.dataset.live = '1'));
  source.addEventListener('message', handler);
  for (const name of LIVE_EVENTS) source.addEventListener(name, handler as EventListener);
  source.addEventListener('error', async () => {
    body.dataset.live = '0';
    // EventSource retries by itself; a lost session must end on the login page instead.
    if (source.readyState === EventSource.CLOSED) {
      const me = await api('GET', '/admin/api/me');
      if (me.ok) setTimeout(connectEvents, 3000);
    }
  });
}
