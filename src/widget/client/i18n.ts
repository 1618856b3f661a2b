/**
 * Every word the reader sees, Vietnamese first, English with `data-lang="en"`.
 * Kept in one table so a translator edits one file and the two languages cannot drift apart.
 */
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
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const vi: Messages = {
  acceptLanguage: 'vi',
  region: 'Bình luận',
  listHeading: (n) => `Bình luận bạn đọc (${n})`,
  formHeading: 'Bình luận của bạn:',
  name: 'Họ tên',
  email: 'Email',
  emailHint: '(không bắt buộc, không hiển thị)',
  content: 'Bình luận của bạn',
  counter: (used, max) => `${used}/${max} ký tự`,
  captchaAlt: 'Mã bảo mật: hãy nhập các ký tự trong ảnh',
  captchaRefresh: 'Đổi mã khác',
  captchaInput: 'Nhập mã bảo mật trên',
  honeypot: 'Website (để trống)',
  submit: 'Gửi bình luận',
  sending: 'Đang gửi…',
  reply: 'Trả lời',
  replyTo: (name) => `Trả lời ${name}`,
  replyingTo: (name) => `Trả lời bình luận của ${name}`,
  cancelReply: 'Hủy trả lời',
  more: 'Xem thêm',
  loading: 'Đang tải bình luận…',
  empty: 'Chưa có bình luận nào. Hãy là người đầu tiên góp ý!',
  loadFailed: 'Không tải được bình luận.',
  retry: 'Thử lại',
  sent: 'Bình luận của bạn đã được gửi và đang chờ duyệt.',
  nameRequired: 'Vui lòng nhập họ tên.',
  nameTooLong: 'Họ tên không được quá 80 ký tự.',
  nameInvalid: 'Họ tên phải có từ 1 đến 80 ký tự.',
  emailInvalid: 'Địa chỉ email không hợp lệ.',
  contentRequired: 'Vui lòng nhập nội dung bình luận.',
  contentTooLong: 'Bình luận không được quá 5.000 ký tự.',
  contentInvalid: 'Bình luận phải có từ 1 đến 5.000 ký tự.',
  invalidCharacters: 'Có ký tự không hợp lệ (ký tự điều khiển). Vui lòng xóa chúng.',
  captchaRequired: 'Vui lòng nhập mã bảo mật.',
  captchaInvalid: 'Mã bảo mật không đúng hoặc đã hết hạn. Vui lòng nhập mã mới.',
  captchaLoadFailed: 'Không tải được mã bảo mật. Bấm “Đổi mã khác” để thử lại.',
  parentNotFound: 'Không tìm thấy bình luận bạn muốn trả lời.',
  duplicate: 'Bạn vừa gửi bình luận này rồi.',
  rateLimited: (s) =>
    s ? `Bạn gửi quá nhanh. Vui lòng thử lại sau ${s} giây.` : 'Bạn gửi quá nhanh. Vui lòng thử lại sau ít phút.',
  busy: (s) =>
    s ? `Hệ thống đang bận. Vui lòng thử lại sau ${s} giây.` : 'Hệ thống đang bận. Vui lòng thử lại sau ít phút.',
  tooLarge: 'Nội dung gửi lên quá dài.',
  network: 'Không kết nối được máy chủ. Vui lòng kiểm tra mạng rồi bấm “Gửi bình luận” lần nữa.',
  generic: 'Đã có lỗi xảy ra. Vui lòng thử lại.',
  justNow: 'vừa xong',
  minutesAgo: (n) => `${n} phút trước`,
  hoursAgo: (n) => `${n} giờ trước`,
  daysAgo: (n) => `${n} ngày trước`,
};

const en: Messages = {
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
  more: 'Show more',
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
    s ? `Too many comments. Please try again in ${plural(s, 'second', 'seconds')}.` : 'Too many comments. Please try again in a few minutes.',
  busy: (s) =>
    s ? `The system is busy. Please try again in ${plural(s, 'second', 'seconds')}.` : 'The system is busy. Please try again in a few minutes.',
  tooLarge: 'What you sent is too long.',
  network: 'Could not reach the server. Check your connection and press “Post comment” again.',
  generic: 'Something went wrong. Please try again.',
  justNow: 'just now',
  minutesAgo: (n) => `${plural(n, 'minute', 'minutes')} ago`,
  hoursAgo: (n) => `${plural(n, 'hour', 'hours')} ago`,
  daysAgo: (n) => `${plural(n, 'day', 'days')} ago`,
};

export const MESSAGES: Record<Lang, Messages> = { vi, en };

export function langOf(value: string | null | undefined): Lang {
  return value && value.toLowerCase().startsWith('en') ? 'en' : 'vi';
}
