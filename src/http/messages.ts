/**
 * Reader-facing error messages, Vietnamese first, English when the client prefers it.
 * Codes are the contract; messages may be reworded freely.
 */
import type { ErrorCode } from '../errors.js';

export type Lang = 'vi' | 'en';

export const errorMessages: Record<ErrorCode, Record<Lang, string>> = {
  invalid_json: { vi: 'Dữ liệu gửi lên không phải JSON hợp lệ.', en: 'The request body is not valid JSON.' },
  validation_failed: { vi: 'Vui lòng kiểm tra lại các trường đã nhập.', en: 'Some fields are not valid.' },
  captcha_invalid: {
    vi: 'Mã bảo mật không đúng hoặc đã hết hạn. Vui lòng nhập mã mới.',
    en: 'The security code is wrong or has expired. Please enter the new one.',
  },
  parent_not_found: { vi: 'Không tìm thấy bình luận bạn muốn trả lời.', en: 'The comment you are replying to was not found.' },
  duplicate_comment: { vi: 'Bạn vừa gửi bình luận này rồi.', en: 'You have just posted this comment.' },
  idempotency_key_reused: {
    vi: 'Idempotency-Key này đã được dùng cho một bình luận khác.',
    en: 'This Idempotency-Key was already used for another comment.',
  },
  payload_too_large: { vi: 'Nội dung gửi lên quá lớn.', en: 'The request body is too large.' },
  unsupported_media_type: { vi: 'Yêu cầu phải có dạng application/json.', en: 'The request must be application/json.' },
  rate_limited: { vi: 'Bạn thao tác quá nhanh. Vui lòng thử lại sau ít phút.', en: 'Too many requests. Please try again shortly.' },
  unavailable: { vi: 'Hệ thống đang bận. Vui lòng thử lại sau.', en: 'The service is busy. Please try again later.' },
  invalid_credentials: { vi: 'Email hoặc mật khẩu không đúng.', en: 'Wrong email or password.' },
  unauthenticated: { vi: 'Vui lòng đăng nhập.', en: 'Please log in.' },
  forbidden: { vi: 'Bạn không có quyền thực hiện thao tác này.', en: 'You are not allowed to do this.' },
  csrf_failed: { vi: 'Phiên làm việc không hợp lệ. Vui lòng tải lại trang.', en: 'Invalid CSRF token. Please reload the page.' },
  not_found: { vi: 'Không tìm thấy.', en: 'Not found.' },
  already_decided: {
    vi: 'Bình luận này đã được một người kiểm duyệt khác xử lý.',
    en: 'Another moderator has already decided this comment.',
  },
  conflict: { vi: 'Dữ liệu đã thay đổi. Vui lòng tải lại.', en: 'The data changed. Please reload.' },
  internal_error: { vi: 'Đã có lỗi xảy ra. Vui lòng thử lại sau.', en: 'Something went wrong. Please try again later.' },
};

/** The preferred of vi/en from an Accept-Language header; Vietnamese unless English wins. */
export function pickLang(acceptLanguage: string | undefined | null): Lang {
  if (!acceptLanguage) return 'vi';
  let best: { lang: Lang; q: number } = { lang: 'vi', q: -1 };
  for (const part of acceptLanguage.split(',')) {
    const [tag, ...params] = part.trim().toLowerCase().split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    const lang: Lang | null = tag.startsWith('en') ? 'en' : tag.startsWith('vi') ? 'vi' : null;
    if (lang && Number.isFinite(q) && q > best.q) best = { lang, q };
  }
  return best.lang;
}
