/** Forms marked data-api post their fields as JSON to that path and reload on success. */
import { api } from './api.js';
import { tr } from './dom.js';
import { toast } from './toast.js';

function formPayload(form: HTMLFormElement): Record<string, string | null> {
  const payload: Record<string, string | null> = {};
  for (const [name, value] of new FormData(form)) {
    if (typeof value === 'string') payload[name] = value.trim() === '' ? null : value.trim();
  }
  return payload;
}

export function wireForms(): void {
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
      const text =
        result.error.message +
        (fields
          ? ` (${Object.entries(fields)
              .map(([k, v]) => `${k}: ${v}`)
              .join('; ')})`
          : '');
      if (message) {
        message.textContent = text;
        message.hidden = false;
      } else {
        toast(tr('toast.failed', { message: text }), { bad: true });
      }
    });
  }
}
