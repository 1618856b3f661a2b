/** Reader-facing error messages in Vietnamese, the default language (../messages.ts picks one per request). */
import type { ErrorCode } from '../../errors.js';

export const vi: Record<ErrorCode, string> = {
  invalid_json: 'Dữ liệu gửi lên không phải JSON hợp lệ.',
  validation_failed: 'Vui lòng kiểm tra lại các trường đã nhập.',
  captcha_invalid: 'Mã bảo mật không đúng hoặc đã hết hạn. Vui lòng nhập mã mới.',
  comments_closed: 'Bài viết đã đóng bình luận.',
  parent_not_found: 'Không tìm thấy bình luận bạn muốn trả lời.',
  duplicate_comment: 'Bạn vừa gửi bình luận này rồi.',
  idempotency_key_reused: 'Idempotency-Key này đã được dùng cho một bình luận khác.',
  payload_too_large: 'Nội dung gửi lên quá lớn.',
  unsupported_media_type: 'Yêu cầu phải có dạng application/json.',
  rate_limited: 'Bạn thao tác quá nhanh. Vui lòng thử lại sau ít phút.',
  unavailable: 'Hệ thống đang bận. Vui lòng thử lại sau.',
  invalid_credentials: 'Email hoặc mật khẩu không đúng.',
  unauthenticated: 'Vui lòng đăng nhập.',
  forbidden: 'Bạn không có quyền thực hiện thao tác này.',
  csrf_failed: 'Phiên làm việc không hợp lệ. Vui lòng tải lại trang.',
  not_found: 'Không tìm thấy.',
  already_decided: 'Bình luận này đã được một người kiểm duyệt khác xử lý.',
  conflict: 'Dữ liệu đã thay đổi. Vui lòng tải lại.',
  internal_error: 'Đã có lỗi xảy ra. Vui lòng thử lại sau.',
};
