/**
 * "Bình luận của bạn": name, optional email, the comment with a live counter, the captcha,
 * "Gửi bình luận" and the consent line. The same form answers a comment when moved under it
 * ("Trả lời"). After a post the reader's name and email are remembered for next time, the
 * comment shows greyed in the list, and the success message stays where the form was sent.
 *
 * Each submission attempt carries an Idempotency-Key; a retry of the same text after a network
 * failure reuses it, so a request that did reach the server is not posted twice.
 */
import type { Api, ApiResult, NewComment, PublicComment } from './api.js';
import { newIdempotencyKey } from './api.js';
import { createCaptchaBox } from './captcha.js';
import { h, uniqueId } from './dom.js';
import { charCount, createField, type Field } from './fields.js';
import type { Messages } from './i18n/index.js';
import { createConsentLine } from './consent.js';
import { pageArticle } from './page-article.js';
import type { Reader } from './reader.js';
import type { WidgetSettings } from './settings.js';
import { CONTENT_MAX, serverFieldErrors, tidy, validateForm, type FieldErrors, type FormField } from './validation.js';

export interface CommentForm {
  element: HTMLElement;
  /** Moves the form under a comment to answer it. */
  replyTo(comment: PublicComment, slot: HTMLElement): void;
  /** Starts loading the captcha (the widget calls it when the form is about to be seen). */
  prepare(): void;
  /** Puts the form back in its own place (from under a comment). */
  moveHome(): void;
}

export interface FormOptions {
  api: Api;
  t: Messages;
  articleId: string;
  reader: Reader;
  settings: WidgetSettings;
  /** The comment just accepted, to show greyed in the list. */
  onSent(comment: PublicComment): void;
  /** The API answered 403 comments_closed. */
  onClosed(): void;
}

export function createCommentForm(options: FormOptions): CommentForm {
  const { api, t, articleId, reader } = options;

  const name = createField('authorName', [t.name], h('input', { type: 'text', autocomplete: 'name' }));
  const email = createField(
    'authorEmail',
    [t.email, ' ', h('span', { class: 'hint' }, [t.emailHint])],
    h('input', { type: 'email', autocomplete: 'email' }),
  );
  const counterId = uniqueId('counter');
  const counter = h('p', { class: 'counter', id: counterId }, [t.counter(0, CONTENT_MAX)]);
  const content = createField('content', [t.content], h('textarea', { rows: '5' }), { describedBy: [counterId], after: [counter] });
  const captcha = createCaptchaBox(api, t);

  // Honeypot: people never see it and screen readers skip it; naive bots fill every input.
  const trapInput = h('input', { type: 'text', name: 'website', tabindex: '-1', autocomplete: 'off' });
  const trapId = uniqueId('website');
  trapInput.id = trapId;
  const trap = h('div', { class: 'trap', 'aria-hidden': 'true' }, [h('label', { for: trapId }, [t.honeypot]), trapInput]);

  const submit = h('button', { type: 'submit', class: 'primary' }, [t.submit]);
  const status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const formError = h('p', { class: 'form-error', role: 'alert' });
  const replyLabel = h('span');
  const cancelReply = h('button', { type: 'button', class: 'link' }, [t.cancelReply]);
  const replying = h('div', { class: 'replying' }, [replyLabel, cancelReply]);
  replying.hidden = true;

  const form = h('form', { novalidate: '' }, [
    replying,
    h('div', { class: 'row' }, [name.wrapper, email.wrapper]),
    content.wrapper,
    captcha.element,
    trap,
    submit,
    status,
    formError,
    createConsentLine(t, options.settings),
  ]);
  const home = h('div', { class: 'form-home' }, [form]);

  const remembered = reader.author();
  name.control.value = remembered.name;
  email.control.value = remembered.email;

  const fields: Record<FormField, Field> = { authorName: name, authorEmail: email, content, captchaAnswer: captcha.field };
  let parent: PublicComment | null = null;
  let sending = false;
  /** The attempt whose answer never came: same text again means same key. */
  let unanswered: { fingerprint: string; key: string } | null = null;

  const updateCounter = () => {
    const used = charCount(content.control.value.trim());
    counter.textContent = t.counter(used, CONTENT_MAX);
    counter.className = used > CONTENT_MAX ? 'counter over' : 'counter';
  };
  content.control.addEventListener('input', updateCounter);

  function showErrors(errors: FieldErrors): boolean {
    let first: Field | null = null;
    for (const key of Object.keys(fields) as FormField[]) {
      fields[key].setError(errors[key] || null);
      if (errors[key] && !first) first = fields[key];
    }
    if (first) first.control.focus();
    return first !== null;
  }

  function setSending(on: boolean) {
    sending = on;
    submit.disabled = on;
    submit.textContent = on ? t.sending : t.submit;
    form.setAttribute('aria-busy', String(on));
  }

  function moveHome() {
    parent = null;
    replying.hidden = true;
    home.appendChild(form);
  }

  function replyTo(comment: PublicComment, slot: HTMLElement) {
    parent = comment;
    replyLabel.textContent = t.replyingTo(comment.authorName);
    replying.hidden = false;
    slot.appendChild(form);
    captcha.ensure();
    (name.control.value ? content.control : name.control).focus();
  }

  cancelReply.addEventListener('click', () => {
    moveHome();
    content.control.focus();
  });

  /** The text goes; name and email stay (and are remembered for the next visit). */
  function clearForm() {
    content.control.value = '';
    updateCounter();
  }

  /**
   * A reply's form goes back to its place after sending; the message takes the form's place
   * under the comment, and the page is scrolled so that it shows where the reader just
   * pressed "Gửi bình luận" instead of jumping away with the form.
   */
  function announceReplySent(slot: HTMLElement) {
    const pressedAt = submit.getBoundingClientRect().top;
    moveHome();
    const sent = h('p', { class: 'status', role: 'status', tabindex: '-1' }, [t.sent]);
    slot.appendChild(sent);
    window.scrollBy(0, sent.getBoundingClientRect().top - pressedAt);
    sent.focus({ preventScroll: true });
  }

  function explain(result: Exclude<ApiResult<unknown>, { kind: 'ok' }>): void {
    if (result.kind === 'network') {
      formError.textContent = t.network;
      return;
    }
    const code = result.error.code;
    if (code === 'validation_failed') {
      const { errors, unmatched } = serverFieldErrors(result.error.details?.fields, t);
      showErrors(errors);
      if (unmatched.length || !Object.keys(errors).length) formError.textContent = t.generic;
    } else if (code === 'captcha_invalid') {
      captcha.field.setError(t.captchaInvalid);
      captcha.field.control.focus();
    } else if (code === 'rate_limited') formError.textContent = t.rateLimited(result.retryAfter);
    else if (code === 'unavailable' || result.status === 503) formError.textContent = t.busy(result.retryAfter);
    else if (code === 'parent_not_found') formError.textContent = t.parentNotFound;
    else if (code === 'duplicate_comment') formError.textContent = t.duplicate;
    else if (code === 'payload_too_large') fields.content.setError(t.contentTooLong);
    else if (code === 'comments_closed') options.onClosed();
    else formError.textContent = result.error.message || t.generic;
  }

  async function onSubmit(event: Event) {
    event.preventDefault();
    if (sending) return;
    status.textContent = '';
    formError.textContent = '';
    const values = {
      authorName: name.control.value,
      authorEmail: email.control.value,
      content: content.control.value,
      captchaAnswer: captcha.field.control.value,
    };
    if (showErrors(validateForm(values, t))) return;

    setSending(true);
    const captchaId = await captcha.ensure();
    if (!captchaId) {
      setSending(false);
      captcha.field.setError(t.captchaLoadFailed);
      return;
    }
    const comment: NewComment = {
      articleId,
      authorName: tidy(values.authorName),
      content: tidy(values.content),
      captchaId,
      captchaAnswer: values.captchaAnswer.trim(),
      website: trapInput.value,
      ...pageArticle(),
    };
    if (parent) comment.parentId = parent.id;
    if (values.authorEmail.trim()) comment.authorEmail = values.authorEmail.trim();

    const fingerprint = JSON.stringify([articleId, comment.parentId, comment.authorName, comment.authorEmail, comment.content]);
    if (!unanswered || unanswered.fingerprint !== fingerprint) unanswered = { fingerprint, key: newIdempotencyKey() };
    const result = await api.postComment(comment, unanswered.key);
    setSending(false);

    if (result.kind === 'network') {
      // Keep the key and the captcha: the retry may be the same request arriving twice.
      explain(result);
      return;
    }
    unanswered = null;
    if (result.kind === 'ok') {
      const sentUnder = parent ? (form.parentNode as HTMLElement) : null;
      reader.rememberAuthor({ name: comment.authorName, email: comment.authorEmail || '' });
      clearForm();
      options.onSent({
        id: result.data.id,
        parentId: comment.parentId || null,
        authorName: comment.authorName,
        content: comment.content,
        createdAt: new Date().toISOString(),
        publishedAt: null,
      });
      if (sentUnder) announceReplySent(sentUnder);
      else status.textContent = t.sent;
    } else {
      explain(result);
    }
    // A captcha is single use and any answer past validation consumed it: show a fresh one.
    // A 400 validation_failed is answered before the captcha is checked, so the reader keeps it.
    if (result.kind === 'ok' || result.error.code !== 'validation_failed') void captcha.refresh();
  }

  form.addEventListener('submit', (event) => void onSubmit(event));
  form.addEventListener('focusin', () => void captcha.ensure());
  form.addEventListener('input', () => {
    if (status.textContent) status.textContent = '';
  });

  return { element: home, replyTo, prepare: () => void captcha.ensure(), moveHome };
}
