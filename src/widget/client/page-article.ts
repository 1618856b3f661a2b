/**
 * The article as the page describes it, sent with each comment (API.md "Newsroom additions"):
 * its title (og:title, else document.title) and its canonical URL (link rel=canonical, else
 * the page's address without the #fragment). A value the API would refuse is left out
 * rather than sent: the comment matters more than its article's title.
 */
const TITLE_MAX = 300;
const URL_MAX = 2000;

export interface PageArticle {
  articleTitle?: string;
  articleUrl?: string;
}

function pageTitle(): string {
  const og = document.querySelector<HTMLMetaElement>('meta[property="og:title"]');
  const title = og?.content.trim() || document.title;
  // At most 300 characters as the API counts them (code points), whitespace collapsed.
  return Array.from(title.replace(/\s+/g, ' ').trim()).slice(0, TITLE_MAX).join('');
}

function pageUrl(): string {
  const canonical = document.querySelector<HTMLLinkElement>('link[rel~="canonical"][href]');
  // .href is already absolute, resolved against the page.
  return canonical ? canonical.href : location.href.split('#')[0];
}

export function pageArticle(): PageArticle {
  const found: PageArticle = {};
  const title = pageTitle();
  if (title) found.articleTitle = title;
  const url = pageUrl();
  if (/^https?:\/\//i.test(url) && url.length <= URL_MAX) found.articleUrl = url;
  return found;
}
