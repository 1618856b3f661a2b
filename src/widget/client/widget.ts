/**
 * /widget.js — mounts the comment list and form into every `<div data-comment-article="ID">`.
 *
 *   <div data-comment-article="bai-viet-123"></div>
 *   <script src="https://binhluan.example.vn/widget.js" async></script>
 *
 * Each widget lives in its own shadow root (styles in neither direction), sets no cookies and
 * talks only to the API named by `data-api` or, by default, the origin that served this script.
 */
import { createApi, type ArticleState } from './api.js';
import { createCommentForm } from './comment-form.js';
import { createCommentList } from './comment-list.js';
import { h, uniqueId, whenReady } from './dom.js';
import { langOf, MESSAGES } from './i18n/index.js';
import { apiBaseFor, captureScriptSource, type ScriptSource } from './script-source.js';
import { createReader } from './reader.js';
import { widgetSettings } from './settings.js';
import { applyStyles } from './styles.js';

const source = captureScriptSource('widget.js');
const settings = widgetSettings();
const MOUNTED = 'data-comment-mounted';

function mount(host: HTMLElement, from: ScriptSource): void {
  const articleId = host.getAttribute('data-comment-article');
  if (!articleId || host.hasAttribute(MOUNTED) || !host.attachShadow) return;
  host.setAttribute(MOUNTED, '');
  const lang = langOf(host.getAttribute('data-lang') || from.lang);
  const t = MESSAGES[lang];
  const api = createApi(apiBaseFor(host, from), t.acceptLanguage);

  const root = host.attachShadow({ mode: 'open' });
  applyStyles(root);
  const reader = createReader();
  /** The API refused a post as closed: a list page cached from before cannot reopen the form. */
  let refused = false;
  const closedNotice = h('p', { class: 'closed-notice' });
  closedNotice.hidden = true;
  const form = createCommentForm({
    api,
    t,
    articleId,
    reader,
    settings,
    onSent: (comment) => list.addPending(comment),
    onClosed: () => {
      refused = true;
      showArticle({ id: articleId, title: null, closed: true, notice: null });
      void list.reload(true); // brings the newsroom's notice, if it wrote one
    },
  });
  const list = createCommentList({
    api,
    t,
    reader,
    articleId,
    headingId: uniqueId('heading'),
    onReply: form.replyTo,
    onArticle: (article) => showArticle(article),
  });
  const formHeadingId = uniqueId('form-heading');
  const formSection = h('section', { 'aria-labelledby': formHeadingId }, [h('h2', { id: formHeadingId }, [t.formHeading]), form.element]);
  const box = h('div', { class: 'bl', lang, role: 'region', 'aria-label': t.region }, [closedNotice, formSection, list.element]);
  root.appendChild(box);

  /** A closed article shows its notice instead of the form; its published comments stay. */
  function showArticle(article: ArticleState) {
    const closed = article.closed || refused;
    if (closed) form.moveHome();
    formSection.hidden = closed;
    closedNotice.hidden = !closed;
    closedNotice.textContent = (article.closed && article.notice) || t.closed;
    box.classList.toggle('closed', closed);
  }

  void list.reload();
  prepareWhenVisible(host, form.prepare);
}

/** Load the captcha once the widget is near the screen, not on every page view. */
function prepareWhenVisible(host: HTMLElement, prepare: () => void): void {
  if (typeof IntersectionObserver !== 'function') {
    prepare();
    return;
  }
  const observer = new IntersectionObserver(
    (entries) => {
      if (entries.some((entry) => entry.isIntersecting)) {
        observer.disconnect();
        prepare();
      }
    },
    { rootMargin: '300px' },
  );
  observer.observe(host);
}

function mountAll(): void {
  const hosts = document.querySelectorAll<HTMLElement>('[data-comment-article]');
  for (let i = 0; i < hosts.length; i++) mount(hosts[i], source);
}

whenReady(mountAll);
