/**
 * The captcha image, its "Đổi mã khác" button and the "Nhập mã bảo mật trên" input.
 * A captcha is fetched only when the form comes into view or gets focus (a page view that
 * never reaches the comments costs no captcha), and again once it has expired.
 */
import type { Api } from './api.js';
import { h } from './dom.js';
import { createField, type Field } from './fields.js';
import type { Messages } from './i18n/index.js';

export interface CaptchaBox {
  element: HTMLElement;
  field: Field<HTMLInputElement>;
  /** Starts loading if nothing is loaded (or it expired); resolves with the id or null. */
  ensure(): Promise<string | null>;
  /** Always fetches a new one and empties the answer. */
  refresh(): Promise<string | null>;
}

/** Ask for a new captcha a little before the server forgets the old one. */
const EXPIRY_MARGIN_MS = 10_000;

export function createCaptchaBox(api: Api, t: Messages): CaptchaBox {
  const image = h('img', { alt: t.captchaAlt, width: '150', height: '50' });
  const refreshButton = h('button', { type: 'button' }, [t.captchaRefresh]);
  const input = h('input', { type: 'text', autocomplete: 'off', autocapitalize: 'off', spellcheck: 'false', maxlength: '20' });
  const field = createField('captchaAnswer', [t.captchaInput], input, { className: 'captcha-field' });
  const element = h('div', { class: 'captcha-box' }, [h('div', { class: 'captcha' }, [image, refreshButton]), field.wrapper]);

  let current: { id: string; expiresAt: number } | null = null;
  let loading: Promise<string | null> | null = null;

  function load(): Promise<string | null> {
    if (loading) return loading;
    refreshButton.disabled = true;
    loading = api.captcha().then((result) => {
      loading = null;
      refreshButton.disabled = false;
      if (result.kind !== 'ok') {
        current = null;
        image.removeAttribute('src');
        field.setError(t.captchaLoadFailed);
        return null;
      }
      const { id, image: dataUrl, expiresIn } = result.data;
      // Only our own API's data: URLs become the image source.
      if (!/^data:image\/(png|svg\+xml);base64,/.test(dataUrl)) {
        field.setError(t.captchaLoadFailed);
        return null;
      }
      image.src = dataUrl;
      current = { id, expiresAt: Date.now() + expiresIn * 1000 - EXPIRY_MARGIN_MS };
      return id;
    });
    return loading;
  }

  function ensure(): Promise<string | null> {
    if (current && Date.now() < current.expiresAt) return Promise.resolve(current.id);
    return load();
  }

  function refresh(): Promise<string | null> {
    current = null;
    input.value = '';
    return load();
  }

  refreshButton.addEventListener('click', () => {
    field.setError(null);
    void refresh().then(() => input.focus());
  });
  input.addEventListener('focus', () => {
    if (current && Date.now() >= current.expiresAt) void refresh();
  });

  return { element, field, ensure, refresh };
}
