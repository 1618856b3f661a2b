/** Domain vocabulary shared by the link scans (link.ts, spelled-link.ts). */

export const TLDS: ReadonlySet<string> = new Set(
  `com net org info biz vn xyz top vip win bet club online site tv io co me cc pro shop store app
  live fun link asia us uk ru cn in tk ml ga cf gq icu buzz casino games game pw ws mobi today
  edu gov mobi social world life`.split(/\s+/),
);

export const BETTING_TLDS: ReadonlySet<string> = new Set(
  'xyz top vip win bet club online site fun live casino games game pw ws icu buzz tk ml ga cf gq cc'.split(' '),
);

/**
 * Messaging links and link shorteners: they lead to a private chat or hide where they go,
 * which is what spam needs and what a reader quoting a source does not. Matched as the whole
 * host ("www." allowed), so "abit.ly" or "zalo.me.vn" are ordinary domains.
 */
const MESSAGE_HOSTS: ReadonlySet<string> = new Set(
  `t.me telegram.me zalo.me m.me wa.me fb.me bit.ly tinyurl.com cutt.ly shorturl.at rebrand.ly
  is.gd s.id linktr.ee goo.gl`.split(/\s+/),
);

/**
 * Whether `host` is a messaging link or a shortener. Names of one or two letters ("t.me",
 * "s.id") count only with a path after them: bare, they could be two words with a dot
 * between and no space, and without a path they lead nowhere anyway.
 */
export function isMessageHost(host: string, pathFollows: boolean): boolean {
  const bare = host.startsWith('www.') ? host.slice(4) : host;
  if (!MESSAGE_HOSTS.has(bare)) return false;
  return pathFollows || bare.indexOf('.') > 2;
}

/** Public-sector suffixes: a citizen pointing to a government or school portal. */
const TRUSTED_SUFFIXES = ['gov.vn', 'edu.vn'];

/** The site's own domain (or a subdomain), or a government or school portal. */
export function isOwnOrTrusted(host: string, siteDomains: readonly string[]): boolean {
  const bare = host.replace(/^www\./, '');
  for (const d of siteDomains) if (isDomainOrSub(bare, d.toLowerCase())) return true;
  for (const d of TRUSTED_SUFFIXES) if (isDomainOrSub(bare, d)) return true;
  return false;
}

/**
 * `host` is `domain` or one of its subdomains. A function of its own, not a closure in the
 * caller: under tsx a named closure costs a helper call each time it is created (every link).
 */
function isDomainOrSub(host: string, domain: string): boolean {
  return host === domain || (host.endsWith(domain) && host.charCodeAt(host.length - domain.length - 1) === 0x2e);
}
