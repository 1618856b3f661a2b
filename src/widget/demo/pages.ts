/**
 * The demo pages: an article of an invented provincial paper with the widget under it, and a
 * listing of 30 stories whose comment counts come from one /count.js request.
 * Built with hono/html, which escapes every interpolated value.
 */
import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import { DEMO_CSS, FLOOD_PHOTO_SVG } from './look.js';
import { demoArticles, MAIN_ARTICLE, OTHER_TITLES, PAPER } from './content.js';

type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

const VIETNAM_OFFSET_MS = 7 * 3600_000;

/** dd/mm/yyyy as the date reads in Vietnam (UTC+7, no daylight saving). */
export function vietnamDate(now: Date): string {
  const d = new Date(now.getTime() + VIETNAM_OFFSET_MS);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

const WEEKDAYS = ['Chủ nhật', 'Thứ hai', 'Thứ ba', 'Thứ tư', 'Thứ năm', 'Thứ sáu', 'Thứ bảy'];

function layout(title: string, now: Date, main: Html, aside: Html | null, head: Html | string = ''): Html {
  const weekday = WEEKDAYS[new Date(now.getTime() + VIETNAM_OFFSET_MS).getUTCDay()];
  return html`<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${title} | ${PAPER.name}</title>
${head}
<style>${raw(DEMO_CSS)}</style>
</head>
<body>
<a class="skip" href="#noi-dung">Bỏ qua, đến nội dung chính</a>
<header class="masthead">
  <div class="wrap top">
    <span>${weekday}, ${vietnamDate(now)}</span>
    <span>Đường dây nóng: 0200 000 000 (số minh họa)</span>
  </div>
  <div class="wrap brand">
    <a class="logo" href="/demo"><span class="logo-main">SƠN HÀ</span><span class="logo-sub">BÁO ĐIỆN TỬ</span></a>
    <p class="tagline">${PAPER.tagline}</p>
  </div>
  <nav class="menu" aria-label="Chuyên mục">
    <ul class="wrap">
      <li><a href="/demo">Trang chủ</a></li>
      ${PAPER.sections.map((s) => html`<li><a href="/demo/list">${s}</a></li>`)}
    </ul>
  </nav>
</header>
<div class="wrap columns">
  <main id="noi-dung">${main}</main>
  ${aside ?? ''}
</div>
<footer class="footer">
  <div class="wrap">
    <p><strong>${PAPER.name}</strong> — trang minh họa của dịch vụ bình luận. Bài viết, địa danh và nhân vật đều là hư cấu.</p>
    <p>Bình luận được kiểm duyệt trước khi đăng. Email của bạn đọc không bao giờ được hiển thị.</p>
  </div>
</footer>
</body>
</html>`;
}

function countBadge(id: string): Html {
  // The number is filled by /count.js; the words around it stay readable before that.
  return html`<span class="count" title="Số bình luận"><span class="visually-hidden">Số bình luận: </span><span data-comment-count="${id}"></span></span>`;
}

function otherNews(): Html {
  const others = demoArticles().slice(1, 9);
  return html`<aside class="others" aria-labelledby="cac-tin-khac">
  <h2 id="cac-tin-khac">CÁC TIN KHÁC</h2>
  <ul>
    ${others.map((a) => html`<li><a href="/demo/list#${a.id}">${a.title}</a> ${countBadge(a.id)}</li>`)}
  </ul>
</aside>`;
}

export interface ArticlePageOptions {
  /** Another article id for the widget (lets a site preview any article's comments). */
  articleId?: string;
  lang?: 'vi' | 'en';
}

export function demoArticlePage(now: Date, options: ArticlePageOptions = {}): Html {
  const articleId = options.articleId ?? MAIN_ARTICLE.id;
  const a = MAIN_ARTICLE;
  const main = html`<article class="article">
  <p class="crumb"><a href="/demo/list">${a.section}</a></p>
  <h1>${a.title}</h1>
  <p class="meta">Ngày cập nhật: ${vietnamDate(now)} · ${countBadge(articleId)} bình luận</p>
  <p class="lead">${a.lead}</p>
  <figure class="photo">
    ${raw(FLOOD_PHOTO_SVG)}
    <figcaption>${a.photoCaption}</figcaption>
  </figure>
  ${a.paragraphs.map((p) => html`<p>${p}</p>`)}
  <p class="byline">${a.author}</p>
</article>
<div class="comments-area">
  <div data-comment-article="${articleId}"${options.lang === 'en' ? raw(' data-lang="en"') : ''}></div>
</div>
<script src="/widget.js" async></script>
<script src="/count.js" async></script>`;
  // What a newspaper's article page carries and the widget sends with each comment (API.md).
  const canonical = options.articleId ? `/demo?article=${encodeURIComponent(articleId)}` : '/demo';
  const head = html`<meta property="og:title" content="${a.title}">
<link rel="canonical" href="${canonical}">`;
  return layout(a.title, now, main, otherNews(), head);
}

export function demoListPage(now: Date): Html {
  const articles = demoArticles();
  const main = html`<section class="listing" aria-labelledby="tin-moi">
  <h1 id="tin-moi">Tin mới</h1>
  <p class="meta">${articles.length} bài viết · số bình luận của mỗi bài lấy bằng một yêu cầu duy nhất tới /v1/counts</p>
  <ol class="story-list">
    ${articles.map((a) => html`<li id="${a.id}"><a href="/demo">${a.title}</a> ${countBadge(a.id)}</li>`)}
  </ol>
</section>
<script src="/count.js" async></script>`;
  return layout('Tin mới', now, main, null);
}

/** How many stories the listing shows (the 30-count test relies on it). */
export const LIST_SIZE = OTHER_TITLES.length + 1;
