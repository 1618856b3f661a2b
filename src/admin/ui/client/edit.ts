/**
 * "Sửa" on a card: the text opens in place in a textarea. "Lưu và duyệt" publishes the edited
 * text (approve with content) for a pending comment; "Lưu" replaces the text of an approved
 * one (PATCH). Esc or "Hủy" closes the editor and keeps the text as it was.
 */
import { api } from './api.js';
import { decide } from './decide.js';
import { tr } from './dom.js';
import { toast } from './toast.js';

function button(label: string, className: string, run: () => void): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = className;
  b.textContent = label;
  b.addEventListener('click', run);
  return b;
}

export function openEditor(card: HTMLElement): void {
  const text = card.querySelector<HTMLElement>('.content');
  if (!text || card.classList.contains('done') || card.querySelector('.editor')) return;
  const status = card.dataset.status;
  if (status !== 'pending' && status !== 'approved') return;
  const editor = document.createElement('div');
  editor.className = 'editor';
  const area = document.createElement('textarea');
  area.value = text.textContent ?? '';
  area.rows = Math.min(14, Math.max(4, area.value.split('\n').length + 1));
  area.maxLength = 5000;
  area.setAttribute('aria-label', tr('card.editLabel'));
  const close = () => {
    editor.remove();
    text.hidden = false;
    card.focus({ preventScroll: true });
  };
  const save = async () => {
    const content = area.value.trim();
    if (!content) return area.focus();
    if (status === 'pending') {
      if (await decide(card, 'approve', { content })) editor.remove();
      return;
    }
    const result = await api('PATCH', `/admin/api/comments/${encodeURIComponent(card.dataset.id!)}`, { content });
    if (result.ok) {
      text.textContent = content;
      close();
      toast(tr('toast.edited'));
    } else if (result.status !== 401) {
      toast(tr('toast.failed', { message: result.error.message }), { bad: true });
    }
  };
  area.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    close();
  });
  const row = document.createElement('div');
  row.className = 'row';
  row.append(
    button(status === 'pending' ? tr('card.saveApprove') : tr('card.save'), 'primary save', () => void save()),
    button(tr('card.cancelEdit'), 'cancel', close),
  );
  editor.append(area, row);
  text.hidden = true;
  text.after(editor);
  area.focus();
}

/** "Xem thêm" / "Thu gọn" on a long comment: the text unfolds with its highlights as they were. */
export function toggleFold(toggle: HTMLButtonElement): void {
  const text = document.getElementById(toggle.getAttribute('aria-controls') ?? '');
  if (!text) return;
  const open = toggle.getAttribute('aria-expanded') !== 'true';
  text.classList.toggle('folded', !open);
  toggle.setAttribute('aria-expanded', String(open));
  toggle.textContent = open ? tr('card.less') : tr('card.more');
}
