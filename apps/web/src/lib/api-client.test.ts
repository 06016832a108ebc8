import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ApiError,
  api,
  buildUrl,
  CLIENT_ERROR_CODES,
  configureApiClient,
  fieldErrorMap,
  setCsrfToken,
} from './api-client';

type Call = { url: string; init: RequestInit };

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

let calls: Call[];
let answers: Array<() => Response>;

beforeEach(() => {
  calls = [];
  answers = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      const next = answers.shift();
      if (!next) throw new TypeError('Failed to fetch');
      return next();
    }),
  );
  configureApiClient({ language: () => 'en', fallbackMessage: (code) => `fallback:${code}` });
  setCsrfToken('tok-1');
});

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

function header(call: Call | undefined, name: string): string | undefined {
  const headers = (call?.init.headers ?? {}) as Record<string, string>;
  return headers[name];
}

describe('buildUrl', () => {
  it('should leave out empty parameters when building the query string', () => {
    expect(buildUrl('/api/users', { q: '', role: undefined, page: 2, active: false })).toBe(
      '/api/users?page=2&active=false',
    );
    expect(buildUrl('/api/users')).toBe('/api/users');
  });
});

describe('api requests', () => {
  it('should send Accept-Language on every call and the CSRF token only on writes', async () => {
    answers.push(
      () => json(200, { ok: true }),
      () => new Response(null, { status: 204 }),
    );
    await api.get('/api/x');
    await api.post('/api/y', { a: 1 });
    expect(header(calls[0], 'Accept-Language')).toBe('en');
    expect(header(calls[0], 'x-csrf-token')).toBeUndefined();
    expect(header(calls[1], 'Accept-Language')).toBe('en');
    expect(header(calls[1], 'x-csrf-token')).toBe('tok-1');
    expect(calls[1]?.init.body).toBe('{"a":1}');
  });

  it('should reject with the server code, message and details when the answer is an error', async () => {
    answers.push(() =>
      json(400, {
        code: 'VALIDATION_FAILED',
        message: 'Dữ liệu không hợp lệ.',
        details: [{ field: 'body.email', message: 'Email sai.' }, { bogus: true }],
        requestId: 'r1',
      }),
    );
    const error = await api.post('/api/users', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', message: 'Dữ liệu không hợp lệ.' });
    expect(fieldErrorMap(error)).toEqual({ email: 'Email sai.' });
  });

  it('should recognise an ended session when the server answers 401 AUTH_SESSION_EXPIRED', async () => {
    answers.push(() => json(401, { code: 'AUTH_SESSION_EXPIRED', message: 'Hết phiên.' }));
    const error = (await api.get('/api/users').catch((e: unknown) => e)) as ApiError;
    expect(error.isSessionEnded).toBe(true);
  });

  it('should fetch a fresh CSRF token and retry once when the token is refused', async () => {
    answers.push(
      () => json(403, { code: 'CSRF_TOKEN_INVALID', message: 'CSRF' }),
      () => json(200, { user: null, csrfToken: 'tok-2' }),
      () => new Response(null, { status: 204 }),
    );
    await api.post('/api/auth/logout');
    expect(calls.map((c) => c.url)).toEqual(['/api/auth/logout', '/api/auth/session', '/api/auth/logout']);
    expect(header(calls[2], 'x-csrf-token')).toBe('tok-2');
  });

  it('should read Retry-After when the server rate-limits', async () => {
    answers.push(() => json(429, { code: 'RATE_LIMITED', message: 'Chậm lại.' }, { 'retry-after': '42' }));
    const error = (await api.post('/api/auth/login', {}).catch((e: unknown) => e)) as ApiError;
    expect(error.retryAfter).toBe(42);
  });

  it('should produce a client error with a translated message when the network fails', async () => {
    const error = (await api.get('/api/x').catch((e: unknown) => e)) as ApiError;
    expect(error.code).toBe(CLIENT_ERROR_CODES.network);
    expect(error.status).toBe(0);
    expect(error.message).toBe(`fallback:${CLIENT_ERROR_CODES.network}`);
  });

  it('should send a file as the raw body with its own type and the CSRF token', async () => {
    answers.push(() => json(202, { id: 'job-1', status: 'running' }));
    const file = new Blob(['#HEZA,enterprises,v1'], { type: 'text/csv' });
    const job = await api.upload<{ id: string }>('/api/registry/import/enterprises/jobs', file, {
      dryRun: 'true',
    });
    expect(job).toEqual({ id: 'job-1', status: 'running' });
    expect(calls[0]?.url).toBe('/api/registry/import/enterprises/jobs?dryRun=true');
    expect(calls[0]?.init.body).toBe(file);
    expect(header(calls[0], 'Content-Type')).toBe('text/csv');
    expect(header(calls[0], 'x-csrf-token')).toBe('tok-1');
  });

  it('should read the body of a 202 answer and give nothing for an empty one', async () => {
    answers.push(
      () => json(202, { phase: 'validate' }),
      () => new Response(null, { status: 202 }),
    );
    expect(await api.post('/api/x')).toEqual({ phase: 'validate' });
    expect(await api.post('/api/y')).toBeUndefined();
  });

  it('should produce a client error when the error body is not the API format', async () => {
    answers.push(() => new Response('<html>Bad gateway</html>', { status: 502 }));
    const error = (await api.get('/api/x').catch((e: unknown) => e)) as ApiError;
    expect(error).toMatchObject({ status: 502, code: CLIENT_ERROR_CODES.badResponse });
  });
});
