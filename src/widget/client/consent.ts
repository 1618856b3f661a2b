/**
 * The consent line under the form (Vietnam's decree 13/2023 on personal data asks for
 * consent before processing): sending means agreeing to the site's privacy policy, linked
 * when PRIVACY_URL is set, with what is collected and how long it is kept, in the service's
 * own retention settings.
 */
import { h } from './dom.js';
import type { Messages } from './i18n/index.js';
import type { WidgetSettings } from './settings.js';

export function createConsentLine(t: Messages, settings: WidgetSettings): HTMLElement {
  const url = settings.privacyUrl;
  // Only an http(s) address becomes a link (the setting is validated, the check costs nothing).
  const policy =
    url && /^https?:\/\//i.test(url) ? h('a', { href: url, target: '_blank', rel: 'noopener' }, [t.privacyPolicy]) : t.privacyPolicy;
  return h('p', { class: 'consent' }, t.consent(policy, settings.ipDays, settings.rejectedDays));
}
