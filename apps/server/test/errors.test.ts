import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, signIn } from './factories.ts';
import { buildTestApp, type TestApp } from './harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ config: { bodyLimitBytes: 2048 } });
});
afterAll(() => t.close());

describe('error contract', () => {
  it('should answer an unknown API route with ROUTE_NOT_FOUND as JSON', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/nope', headers: { 'accept-language': 'en' } });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({
      code: 'ROUTE_NOT_FOUND',
      message: 'The requested address does not exist.',
    });
    expect(res.json().requestId).toBe(res.headers['x-request-id']);
  });

  it('should answer malformed JSON with MALFORMED_JSON', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('MALFORMED_JSON');
  });

  it('should answer an oversize body with PAYLOAD_TOO_LARGE', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'a@b.vn', password: 'x'.repeat(5000) },
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('should answer an unsupported content type with UNSUPPORTED_MEDIA_TYPE', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/xml' },
      payload: '<a/>',
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('should hide SQL and stack traces behind INTERNAL with a request id when something unexpected fails', async () => {
    const admin = await makeUser(t.db, 'admin');
    const h = await signIn(t.app, admin.email);
    await sql`alter table audit_log rename to audit_log_broken`.execute(t.db);
    try {
      const res = await t.app.inject({ method: 'GET', url: '/api/audit', headers: h });
      expect(res.statusCode).toBe(500);
      const body = res.json();
      expect(body.code).toBe('INTERNAL');
      expect(body.message).toContain(body.requestId);
      expect(res.body).not.toMatch(/audit_log|relation|select|at .*\.ts/i);
      expect(body.details).toBeUndefined();
    } finally {
      await sql`alter table audit_log_broken rename to audit_log`.execute(t.db);
    }
  });

  it('should send security headers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('should report the database state in /api/health', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: { status: 'up' } });
    expect(Number(res.json().database.serverVersion.split('.')[0])).toBeGreaterThanOrEqual(15);
  });

  it('should refuse a user acting outside its permissions with FORBIDDEN, not a 500', async () => {
    const u = await makeUser(t.db, 'enterprise');
    const h = await signIn(t.app, u.email);
    const res = await t.app.inject({ method: 'GET', url: '/api/audit', headers: h });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('FORBIDDEN');
  });
});

describe('login rate limit', () => {
  it('should answer RATE_LIMITED with Retry-After after too many sign-in attempts from one address', async () => {
    let last = 0;
    let body: { code?: string } = {};
    for (let i = 0; i < 25; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: 'flood@heza.vn', password: 'whatever-123' },
        remoteAddress: '10.9.9.9',
      });
      last = res.statusCode;
      body = res.json();
      if (last === 429) {
        expect(res.headers['retry-after']).toBeDefined();
        break;
      }
    }
    expect(last).toBe(429);
    expect(body.code).toBe('RATE_LIMITED');
  });
});
