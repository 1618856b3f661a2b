/** Every word the reader sees, in English (`data-lang="en"` on the embed). */
import type { Messages } from './types.js';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const en: Messages = {
  acceptLanguage: 'en',
  region: 'Comments',
  listHeading: (n) => `Reader comments (${n})`,
  formHeading: 'Your comment:',
  name: 'Name',
  email: 'Email',
  emailHint: '(optional, never shown)',
  content: 'Your comment',
  counter: (used, max) => `${used}/${max} characters`,
  captchaAlt: 'Security code: type the characters in the image',
  captchaRefresh: 'New code',
  captchaInput: 'Enter the security code above',
  honeypot: 'Website (leave empty)',
  submit: 'Post comment',
  sending: 'Sending…',
  reply: 'Reply',
  replyTo: (name) => `Reply to ${name}`,
  replyingTo: (name) => `Replying to ${name}`,
  cancelReply: 'Cancel reply',
  more: 'More comments',
  loading: 'Loading comments…',
  empty: 'No comments yet. Be the first!',
  loadFailed: 'Could not load the comments.',
  retry: 'Try again',
  sent: 'Your comment has been sent and is awaiting moderation.',
  nameRequired: 'Please enter your name.',
  nameTooLong: 'Your name can be at most 80 characters.',
  nameInvalid: 'Your name must be 1 to 80 characters.',
  emailInvalid: 'This email address is not valid.',
  contentRequired: 'Please write your comment.',
  contentTooLong: 'Your comment can be at most 5,000 characters.',
  contentInvalid: 'Your comment must be 1 to 5,000 characters.',
  invalidCharacters: 'This contains characters that cannot be kept (control characters). Please remove them.',
  captchaRequired: 'Please enter the security code.',
  captchaInvalid: 'The security code is wrong or has expired. Please enter the new one.',
  captchaLoadFailed: 'Could not load the security code. Press “New code” to try again.',
  parentNotFound: 'The comment you are replying to was not found.',
  duplicate: 'You have just posted this comment.',
  rateLimited: (s) =>
    s
      ? `Too many comments. Please try again in ${plural(s, 'second', 'seconds')}.`
      : 'Too many comments. Please try again in a few minutes.',
  busy: (s) =>
    s
      ? `The system is busy. Please try again in ${plural(s, 'second', 'seconds')}.`
      : 'The system is busy. Please try again in a few minutes.',
  tooLarge: 'What you sent is too long.',
  network: 'Could not reach the server. Check your connection and press “Post comment” again.',
  generic: 'Something went wrong. Please try again.',
  justNow: 'just now',
  minutesAgo: (n) => `${plural(n, 'minute', 'minutes')} ago`,
  hoursAgo: (n) => `${plural(n, 'hour', 'hours')} ago`,
  daysAgo: (n) => `${plural(n, 'day', 'days')} ago`,
  showMore: 'Show more',
  showLess: 'Show less',
  like: 'Like',
  likeGone: 'This comment is no longer shown, so it cannot be liked.',
  tooFast: (s) => (s ? `Too fast. Please try again in ${plural(s, 'second', 'seconds')}.` : 'Too fast. Please try again in a few minutes.'),
  actionNetwork: 'Could not reach the server. Please try again.',
  sortLabel: 'Sort comments',
  sorts: { oldest: 'Oldest', newest: 'Newest', top: 'Top' },
  report: 'Report',
  reportLegend: 'Why are you reporting this comment?',
  reasons: { spam: 'Spam', offensive: 'Offensive', illegal: 'Illegal', off_topic: 'Off topic', other: 'Other' },
  reportNote: 'Note (optional)',
  reportSubmit: 'Send report',
  reportCancel: 'Cancel',
  reportReasonRequired: 'Please choose a reason.',
  reportThanks: 'Thank you for your report. The editors will review this comment.',
  reportGone: 'This comment is no longer shown, so it cannot be reported.',
  reportRateLimited: (s) =>
    s ? `Too many reports. Please try again in ${plural(s, 'second', 'seconds')}.` : 'Too many reports. Please try again in a few minutes.',
  pending: 'Awaiting moderation',
  closed: 'Comments on this article are closed.',
  consent: (policy, ipDays, rejectedDays) => [
    'By posting you agree to ',
    policy,
    ` and allow your name, email (if given), IP address and browser details to be processed for moderation. ` +
      `IP address and browser details are erased after ${plural(ipDays, 'day', 'days')}; rejected comments are deleted after ` +
      `${plural(rejectedDays, 'day', 'days')}; published comments are kept with name and email until removed.`,
  ],
  privacyPolicy: "the site's privacy policy",
};
