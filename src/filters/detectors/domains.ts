/** Domain vocabulary shared by the link scans (link.ts, spelled-link.ts). */

export const TLDS: ReadonlySet<string> = new Set(
  `com net org info biz vn xyz top vip win bet club online site tv io co me cc pro shop store app
  live fun link asia us uk ru cn in tk ml ga cf gq icu buzz casino games game pw ws mobi today
  edu gov mobi social world life`.split(/\s+/),
);

export const BETTING_TLDS: ReadonlySet<string> = new Set(
  'xyz top vip win bet club online site fun live casino games game pw ws icu buzz tk ml ga cf gq cc'.split(' '),
);

/** Public-sector suffixes: a citizen pointing to a government or school portal. */
const TRUSTED_SUFFIXES = ['gov.vn', 'edu.vn'];

/** The site's own domain (or a subdomain), or a government or school portal. */
export function isOwnOrTrusted(host: string, siteDomains: readonly string[]): boolean {
  const bare = host.replace(/^www\./, '');
  const matches = (d: string) => bare === d || bare.endsWith(`.${d}`);
  return siteDomains.some((d) => matches(d.toLowerCase())) || TRUSTED_SUFFIXES.some(matches);
}
