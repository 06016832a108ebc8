/**
 * Stable error codes shared by the server (which throws them) and the web app (which may react to them).
 * Each code maps to one HTTP status and one message per language; messages may use {placeholders}.
 */
export const ERROR_CODES = {
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  BAD_REQUEST: 400,
  AUTH_REQUIRED: 401,
  AUTH_SESSION_EXPIRED: 401,
  AUTH_INVALID_CREDENTIALS: 401,
  AUTH_RESET_TOKEN_INVALID: 400,
  AUTH_ACCOUNT_DISABLED: 403,
  AUTH_ACCOUNT_LOCKED: 423,
  CSRF_TOKEN_INVALID: 403,
  FORBIDDEN: 403,
  OUT_OF_JURISDICTION: 403,
  NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  INVALID_STATE: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  SERVICE_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export type Lang = 'vi' | 'en';

/** User-facing messages per error code, Vietnamese first. */
export const ERROR_MESSAGES: Record<ErrorCode, Record<Lang, string>> = {
  VALIDATION_FAILED: { vi: 'Dữ liệu không hợp lệ.', en: 'The data is not valid.' },
  MALFORMED_JSON: {
    vi: 'Nội dung gửi lên không phải JSON hợp lệ.',
    en: 'The request body is not valid JSON.',
  },
  BAD_REQUEST: { vi: 'Yêu cầu không hợp lệ.', en: 'Bad request.' },
  AUTH_REQUIRED: { vi: 'Vui lòng đăng nhập.', en: 'Please sign in.' },
  AUTH_SESSION_EXPIRED: {
    vi: 'Phiên làm việc đã hết hạn, vui lòng đăng nhập lại.',
    en: 'Your session has expired; please sign in again.',
  },
  AUTH_INVALID_CREDENTIALS: {
    vi: 'Email hoặc mật khẩu không đúng.',
    en: 'The e-mail or password is incorrect.',
  },
  AUTH_RESET_TOKEN_INVALID: {
    vi: 'Liên kết đặt lại mật khẩu không hợp lệ hoặc đã hết hạn.',
    en: 'The password reset link is invalid or has expired.',
  },
  AUTH_ACCOUNT_DISABLED: {
    vi: 'Tài khoản đã bị vô hiệu hóa. Vui lòng liên hệ quản trị viên.',
    en: 'This account is disabled. Please contact an administrator.',
  },
  AUTH_ACCOUNT_LOCKED: {
    vi: 'Tài khoản tạm khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau {minutes} phút.',
    en: 'The account is temporarily locked after repeated failed sign-ins. Try again in {minutes} minutes.',
  },
  CSRF_TOKEN_INVALID: {
    vi: 'Mã chống giả mạo yêu cầu (CSRF) thiếu hoặc không đúng. Vui lòng tải lại trang.',
    en: 'The anti-forgery (CSRF) token is missing or wrong. Please reload the page.',
  },
  FORBIDDEN: { vi: 'Bạn không có quyền thực hiện thao tác này.', en: 'You are not allowed to do this.' },
  OUT_OF_JURISDICTION: {
    vi: 'Đối tượng này nằm ngoài phạm vi quản lý của bạn.',
    en: 'This record is outside your jurisdiction.',
  },
  NOT_FOUND: { vi: 'Không tìm thấy {entity}.', en: '{entity} not found.' },
  ROUTE_NOT_FOUND: { vi: 'Không tìm thấy địa chỉ yêu cầu.', en: 'The requested address does not exist.' },
  METHOD_NOT_ALLOWED: { vi: 'Phương thức không được hỗ trợ.', en: 'Method not allowed.' },
  CONFLICT: { vi: 'Dữ liệu bị trùng: {field} đã tồn tại.', en: 'Duplicate: {field} already exists.' },
  INVALID_STATE: {
    vi: 'Thao tác không được phép ở trạng thái hiện tại.',
    en: 'This action is not allowed in the current state.',
  },
  PAYLOAD_TOO_LARGE: { vi: 'Dữ liệu gửi lên quá lớn.', en: 'The request is too large.' },
  UNSUPPORTED_MEDIA_TYPE: {
    vi: 'Định dạng dữ liệu không được hỗ trợ.',
    en: 'Unsupported content type.',
  },
  RATE_LIMITED: {
    vi: 'Bạn thao tác quá nhiều lần. Vui lòng thử lại sau {seconds} giây.',
    en: 'Too many attempts. Please try again in {seconds} seconds.',
  },
  INTERNAL: {
    vi: 'Đã xảy ra lỗi hệ thống. Mã tra cứu: {requestId}.',
    en: 'An internal error occurred. Reference: {requestId}.',
  },
  SERVICE_UNAVAILABLE: {
    vi: 'Hệ thống tạm thời không sẵn sàng.',
    en: 'The service is temporarily unavailable.',
  },
};

/** Fills {placeholders} of a message template; unknown placeholders are left out. */
export function fillMessage(template: string, params: Record<string, unknown> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) =>
    params[key] === undefined || params[key] === null ? '' : String(params[key]),
  );
}

/** Error body sent by the API for every failure. */
export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  details?: unknown;
  requestId: string;
}
