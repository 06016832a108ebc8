import type { ApiErrorBody, FieldError } from './api-types';

/** Error codes the client itself produces when there is no usable API answer. */
export const CLIENT_ERROR_CODES = {
  network: 'CLIENT_NETWORK_ERROR',
  badResponse: 'CLIENT_BAD_RESPONSE',
} as const;

/** Codes that mean "there is no valid session any more": the app sends the user to the login page. */
export const SESSION_ENDED_CODES: readonly string[] = ['AUTH_SESSION_EXPIRED', 'AUTH_REQUIRED'];

/** An API failure with the server's stable code and its already-translated message. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  readonly requestId: string | undefined;
  /** Seconds from the Retry-After header (rate limiting), when present. */
  readonly retryAfter: number | undefined;

  constructor(init: {
    status: number;
    code: string;
    message: string;
    details?: unknown;
    requestId?: string;
    retryAfter?: number;
  }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.details = init.details;
    this.requestId = init.requestId;
    this.retryAfter = init.retryAfter;
  }

  /** Field-level validation messages (`details: [{ field, message }]`), empty when there are none. */
  get fieldErrors(): FieldError[] {
    return fieldErrorsOf(this.details);
  }

  get isSessionEnded(): boolean {
    return this.status === 401 && SESSION_ENDED_CODES.includes(this.code);
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** Extracts `[{ field, message }]` entries from an error's details, ignoring anything malformed. */
export function fieldErrorsOf(details: unknown): FieldError[] {
  if (!Array.isArray(details)) return [];
  return details.filter(
    (d): d is FieldError =>
      typeof d === 'object' &&
      d !== null &&
      typeof (d as FieldError).field === 'string' &&
      typeof (d as FieldError).message === 'string',
  );
}

/** Maps field errors to `{ field: message }`, keeping the first message per field. */
export function fieldErrorMap(error: unknown): Record<string, string> {
  const map: Record<string, string> = {};
  if (!isApiError(error)) return map;
  for (const { field, message } of error.fieldErrors) {
    // Servers may report nested paths ("body.email"); forms only know the last segment.
    const key = field.split('.').pop() ?? field;
    if (!(key in map)) map[key] = message;
  }
  return map;
}

interface ClientConfig {
  /** Current UI language, sent as Accept-Language so that server messages match the screen. */
  language: () => string;
  /** Messages for failures that never reached the API's error format. */
  fallbackMessage: (code: (typeof CLIENT_ERROR_CODES)[keyof typeof CLIENT_ERROR_CODES]) => string;
}

let config: ClientConfig = {
  language: () => 'vi',
  fallbackMessage: () => 'Không kết nối được với máy chủ.',
};
let csrfToken: string | null = null;

export function configureApiClient(next: Partial<ClientConfig>): void {
  config = { ...config, ...next };
}

/** Remembers the CSRF token handed out by the session and login endpoints. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  query?: Record<string, QueryValue>;
  /** Sent as JSON, except a Blob (an uploaded file), which is sent as it is with its own content type. */
  body?: unknown;
  signal?: AbortSignal;
}

/** Builds `/api/...?a=1` leaving out empty parameters. */
export function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

function isCsrfFailure(error: ApiError): boolean {
  return error.status === 403 && error.code.includes('CSRF');
}

async function refreshCsrfToken(): Promise<void> {
  const res = await fetch('/api/auth/session', {
    credentials: 'same-origin',
    headers: { Accept: 'application/json', 'Accept-Language': config.language() },
  });
  if (!res.ok) return;
  const body = (await res.json()) as { csrfToken?: string | null };
  csrfToken = body.csrfToken ?? null;
}

async function toApiError(res: Response): Promise<ApiError> {
  const retryHeader = res.headers.get('retry-after');
  const retryAfter = retryHeader && /^\d+$/.test(retryHeader) ? Number(retryHeader) : undefined;
  let body: Partial<ApiErrorBody> | undefined;
  try {
    body = (await res.json()) as Partial<ApiErrorBody>;
  } catch {
    body = undefined;
  }
  if (body && typeof body.code === 'string' && typeof body.message === 'string') {
    return new ApiError({
      status: res.status,
      code: body.code,
      message: body.message,
      details: body.details,
      requestId: body.requestId,
      retryAfter,
    });
  }
  return new ApiError({
    status: res.status,
    code: CLIENT_ERROR_CODES.badResponse,
    message: config.fallbackMessage(CLIENT_ERROR_CODES.badResponse),
    retryAfter,
  });
}

async function send<T>(path: string, options: RequestOptions, retried: boolean): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': config.language(),
  };
  const file = options.body instanceof Blob ? options.body : null;
  if (file) headers['Content-Type'] = file.type || 'application/octet-stream';
  else if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let res: Response;
  try {
    res = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      body: file ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError({
      status: 0,
      code: CLIENT_ERROR_CODES.network,
      message: config.fallbackMessage(CLIENT_ERROR_CODES.network),
    });
  }

  if (!res.ok) {
    const error = await toApiError(res);
    // A stale token (for example after the session was renewed in another tab): fetch a fresh one once.
    if (!retried && method !== 'GET' && isCsrfFailure(error)) {
      await refreshCsrfToken();
      return send<T>(path, options, true);
    }
    throw error;
  }
  // 202 may carry a body (a background job's first progress): only an empty body means "nothing".
  if (res.status === 204 || res.headers.get('content-length') === '0') {
    return undefined as T;
  }
  const text = await res.text();
  if (!text) return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ApiError({
      status: res.status,
      code: CLIENT_ERROR_CODES.badResponse,
      message: config.fallbackMessage(CLIENT_ERROR_CODES.badResponse),
    });
  }
}

/** Calls the HEZA API; rejects with an {@link ApiError} on any failure. */
export function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  return send<T>(path, options, false);
}

export const api = {
  get: <T>(path: string, query?: Record<string, QueryValue>, signal?: AbortSignal) =>
    apiRequest<T>(path, { query, signal }),
  post: <T>(path: string, body?: unknown) => apiRequest<T>(path, { method: 'POST', body }),
  patch: <T>(path: string, body?: unknown) => apiRequest<T>(path, { method: 'PATCH', body }),
  delete: <T>(path: string) => apiRequest<T>(path, { method: 'DELETE' }),
  /** POSTs a file as the raw request body (spreadsheet imports). */
  upload: <T>(path: string, file: Blob, query?: Record<string, QueryValue>) =>
    apiRequest<T>(path, { method: 'POST', body: file, query }),
};
