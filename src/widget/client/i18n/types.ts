/**
 * The shape every language of the widget fills (./vi.ts, ./en.ts): every word the reader
 * sees, as a string or a function of the numbers and names it includes.
 */
import type { ReportReason, Sort } from '../api.js';
import type { Child } from '../dom.js';

export type Lang = 'vi' | 'en';

export interface Messages {
  /** Sent as Accept-Language so the API's own messages match the widget's language. */
  acceptLanguage: string;
  region: string;
  listHeading: (count: number) => string;
  formHeading: string;
  name: string;
  email: string;
  emailHint: string;
  content: string;
  counter: (used: number, max: number) => string;
  captchaAlt: string;
  captchaRefresh: string;
  captchaInput: string;
  honeypot: string;
  submit: string;
  sending: string;
  reply: string;
  replyTo: (name: string) => string;
  replyingTo: (name: string) => string;
  cancelReply: string;
  more: string;
  loading: string;
  empty: string;
  loadFailed: string;
  retry: string;
  sent: string;
  nameRequired: string;
  nameTooLong: string;
  nameInvalid: string;
  emailInvalid: string;
  contentRequired: string;
  contentTooLong: string;
  contentInvalid: string;
  invalidCharacters: string;
  captchaRequired: string;
  captchaInvalid: string;
  captchaLoadFailed: string;
  parentNotFound: string;
  duplicate: string;
  rateLimited: (seconds: number | null) => string;
  busy: (seconds: number | null) => string;
  tooLarge: string;
  network: string;
  generic: string;
  justNow: string;
  minutesAgo: (n: number) => string;
  hoursAgo: (n: number) => string;
  daysAgo: (n: number) => string;
  /** Folding a long comment. */
  showMore: string;
  showLess: string;
  like: string;
  likeGone: string;
  tooFast: (seconds: number | null) => string;
  actionNetwork: string;
  sortLabel: string;
  sorts: Record<Sort, string>;
  report: string;
  reportLegend: string;
  reasons: Record<ReportReason, string>;
  reportNote: string;
  reportSubmit: string;
  reportCancel: string;
  reportReasonRequired: string;
  reportThanks: string;
  reportGone: string;
  reportRateLimited: (seconds: number | null) => string;
  pending: string;
  closed: string;
  /** The consent line under the form: `policy` is the privacy policy (a link when PRIVACY_URL is set). */
  consent: (policy: Child, ipDays: number, rejectedDays: number) => Child[];
  privacyPolicy: string;
}
