/**
 * "Báo vi phạm" on a published comment: a small form with the reasons of API.md (spam,
 * offensive, illegal, off_topic, other) and an optional note of at most 500 characters.
 * Once the report is received the reader is thanked and the comment stays where it is: only
 * a moderator takes it down.
 */
import type { PublicComment, ReportReason } from './api.js';
import { actionProblem } from './action-problem.js';
import { h, uniqueId } from './dom.js';
import type { ActionDeps } from './like-button.js';

const REASONS: ReportReason[] = ['spam', 'offensive', 'illegal', 'off_topic', 'other'];
const NOTE_MAX = 500;

/** The "Báo vi phạm" button; the form opens in `slot`, the thanks go to `say`. */
export function createReportButton(
  comment: PublicComment,
  deps: ActionDeps,
  slot: HTMLElement,
  say: (message: string, focus?: boolean) => void,
): HTMLButtonElement {
  const { api, t, reader } = deps;
  const button = h('button', { type: 'button', class: 'link report', 'aria-expanded': 'false' }, [t.report]);
  let form: HTMLFormElement | null = null;

  const close = () => {
    form?.remove();
    form = null;
    button.setAttribute('aria-expanded', 'false');
  };

  function open(): HTMLFormElement {
    const name = uniqueId('reason');
    const radios = REASONS.map((reason) => h('input', { type: 'radio', name, value: reason }));
    const noteId = uniqueId('note');
    const note = h('textarea', { id: noteId, rows: '2', maxlength: String(NOTE_MAX) });
    const error = h('p', { class: 'form-error', role: 'alert' });
    const cancel = h('button', { type: 'button' }, [t.reportCancel]);
    const submit = h('button', { type: 'submit', class: 'primary' }, [t.reportSubmit]);
    const opened = h('form', { class: 'report-form', novalidate: '' }, [
      h('fieldset', {}, [
        h('legend', {}, [t.reportLegend]),
        ...radios.map((radio, i) => h('label', { class: 'choice' }, [radio, ' ', t.reasons[REASONS[i]]])),
      ]),
      h('label', { for: noteId }, [t.reportNote]),
      note,
      h('div', { class: 'actions' }, [submit, cancel]),
      error,
    ]);
    cancel.addEventListener('click', () => {
      close();
      button.focus();
    });
    opened.addEventListener('submit', async (event) => {
      event.preventDefault();
      const chosen = radios.filter((radio) => radio.checked)[0];
      if (!chosen) {
        error.textContent = t.reportReasonRequired;
        radios[0].focus();
        return;
      }
      submit.disabled = true;
      const text = note.value.trim();
      const result = await api.report(comment.id, {
        readerId: reader.id,
        reason: chosen.value as ReportReason,
        ...(text ? { note: text } : {}),
      });
      submit.disabled = false;
      if (result.kind !== 'ok') {
        error.textContent = actionProblem(result, t, t.reportGone, t.reportRateLimited);
        return;
      }
      close();
      button.remove(); // reporting again would change nothing (API.md)
      say(t.reportThanks, true);
    });
    return opened;
  }

  button.addEventListener('click', () => {
    if (form) return close();
    form = open();
    slot.appendChild(form);
    button.setAttribute('aria-expanded', 'true');
    form.querySelector('input')?.focus();
  });
  return button;
}
