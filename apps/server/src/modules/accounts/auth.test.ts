import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, signIn, TEST_PASSWORD } from '../../../test/factories.ts';
import { buildTestApp, type TestApp } from '../../../test/harness.ts';
import { decodeQuotedPrintable, startSmtpServer } from '../../../test/smtp.ts';
import { createMailer } from '../../platform/mail/mailer.ts';

let t: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

beforeAll(async () => {
  smtp = await startSmtpServer();
  const mailer = createMailer({ smtpUrl: smtp.url, from: 'HEZA <no-reply@heza.test>', log: () => {} });
  t = await buildTestApp({
    mailer,
    worker: true,
    config: { loginMaxFailures: 3, loginLockMinutes: 15, publicUrl: 'http://heza.test' },
  });
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

const login = (email: string, password: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, headers });

async function auditActions(entityId: string) {
  const rows = await t.db
    .selectFrom('audit_log')
    .select('action')
    .where('entity_id', '=', entityId)
    .orderBy('id')
    .execute();
  return rows.map((r) => r.action);
}

describe('sign-in', () => {
  it('should set an HttpOnly SameSite session cookie and return the user and a CSRF token when the password is right', async () => {
    const u = await makeUser(t.db, 'admin');
    const res = await login(u.email.toUpperCase(), TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'heza_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(res.json().user.email).toBe(u.email);
    expect(res.json().user.permissions).toContain('accounts.user.write');
    expect(res.json().csrfToken).toMatch(/^[\w-]{40,}$/);
    const stored = await t.db
      .selectFrom('users')
      .select('password_hash')
      .where('id', '=', u.id)
      .executeTakeFirstOrThrow();
    expect(stored.password_hash.startsWith('$argon2id$')).toBe(true);
    expect(await auditActions(u.id)).toContain('auth.login');
  });

  it('should answer AUTH_INVALID_CREDENTIALS in Vietnamese or English and audit the failure when the password is wrong', async () => {
    const u = await makeUser(t.db, 'staff');
    const vi = await login(u.email, 'wrong-password-1');
    expect(vi.statusCode).toBe(401);
    expect(vi.json()).toMatchObject({
      code: 'AUTH_INVALID_CREDENTIALS',
      message: 'Email hoặc mật khẩu không đúng.',
    });
    const en = await login(u.email, 'wrong-password-2', { 'accept-language': 'en-US,en;q=0.9' });
    expect(en.json().message).toBe('The e-mail or password is incorrect.');
    expect(await auditActions(u.id)).toEqual(expect.arrayContaining(['auth.login_failed']));
  });

  it('should give the same answer for an unknown e-mail and audit it', async () => {
    const res = await login('nobody@heza.test', 'whatever-123');
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('AUTH_INVALID_CREDENTIALS');
    const row = await t.db
      .selectFrom('audit_log')
      .select(['action', 'actor_label'])
      .where('actor_label', '=', 'nobody@heza.test')
      .executeTakeFirst();
    expect(row?.action).toBe('auth.login_failed');
  });

  it('should lock the account after repeated failures, refuse even the right password while locked, and say for how long', async () => {
    const u = await makeUser(t.db, 'staff');
    expect((await login(u.email, 'bad-1-xxxxxx')).json().code).toBe('AUTH_INVALID_CREDENTIALS');
    expect((await login(u.email, 'bad-2-xxxxxx')).json().code).toBe('AUTH_INVALID_CREDENTIALS');
    const third = await login(u.email, 'bad-3-xxxxxx');
    expect(third.statusCode).toBe(423);
    expect(third.json().code).toBe('AUTH_ACCOUNT_LOCKED');
    expect(third.json().message).toContain('15 phút');
    const right = await login(u.email, TEST_PASSWORD);
    expect(right.statusCode).toBe(423);
    expect(await auditActions(u.id)).toContain('auth.account_locked');
  });

  it('should refuse a disabled account with its own code', async () => {
    const u = await makeUser(t.db, 'leader');
    await t.db.updateTable('users').set({ active: false }).where('id', '=', u.id).execute();
    const res = await login(u.email, TEST_PASSWORD);
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('AUTH_ACCOUNT_DISABLED');
  });

  it('should name each invalid field when the body is incomplete', async () => {
    const res = await login('not-an-email', '');
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION_FAILED');
    expect(
      res
        .json()
        .details.map((d: { field: string }) => d.field)
        .sort(),
    ).toEqual(['email', 'password']);
  });
});

describe('sessions and CSRF', () => {
  it('should report the session and then end it on logout', async () => {
    const u = await makeUser(t.db, 'staff');
    const h = await signIn(t.app, u.email);
    const session = await t.app.inject({
      method: 'GET',
      url: '/api/auth/session',
      headers: { cookie: h.cookie },
    });
    expect(session.json().user.id).toBe(u.id);
    expect(session.json().csrfToken).toBe(h['x-csrf-token']);
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: h });
    expect(out.statusCode).toBe(204);
    const after = await t.app.inject({ method: 'GET', url: '/api/users', headers: { cookie: h.cookie } });
    expect(after.statusCode).toBe(401);
  });

  it('should refuse a state-changing request whose CSRF token is missing or wrong', async () => {
    const u = await makeUser(t.db, 'admin');
    const h = await signIn(t.app, u.email);
    const payload = { currentPassword: TEST_PASSWORD, newPassword: 'Another-password-9' };
    const missing = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password/change',
      headers: { cookie: h.cookie },
      payload,
    });
    expect(missing.statusCode).toBe(403);
    expect(missing.json().code).toBe('CSRF_TOKEN_INVALID');
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password/change',
      headers: { ...h, 'x-csrf-token': 'x'.repeat(43) },
      payload,
    });
    expect(wrong.json().code).toBe('CSRF_TOKEN_INVALID');
  });

  it('should refuse a cross-site request by its Origin', async () => {
    const u = await makeUser(t.db, 'admin');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: u.email, password: TEST_PASSWORD },
      headers: { origin: 'https://evil.example', host: 'localhost:3000' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('CSRF_TOKEN_INVALID');
  });

  it('should say the session expired when its time is over', async () => {
    const u = await makeUser(t.db, 'staff');
    const h = await signIn(t.app, u.email);
    await t.db
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('user_id', '=', u.id)
      .execute();
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/zones/options',
      headers: { cookie: h.cookie },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('AUTH_SESSION_EXPIRED');
  });
});

describe('passwords', () => {
  it('should change the password when the current one is right, and refuse when it is wrong', async () => {
    const u = await makeUser(t.db, 'staff');
    const h = await signIn(t.app, u.email);
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password/change',
      headers: h,
      payload: { currentPassword: 'nope-nope-nope', newPassword: 'New-password-123' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0].field).toBe('currentPassword');
    const short = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password/change',
      headers: h,
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'short' },
    });
    expect(short.json().details[0]).toEqual({
      field: 'newPassword',
      message: 'Mật khẩu phải có ít nhất 10 ký tự.',
    });
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password/change',
      headers: h,
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'New-password-123' },
    });
    expect(ok.statusCode).toBe(204);
    expect((await login(u.email, TEST_PASSWORD)).statusCode).toBe(401);
    expect((await login(u.email, 'New-password-123')).statusCode).toBe(200);
    expect(await auditActions(u.id)).toContain('auth.password_changed');
  });

  it('should send a reset link through a real SMTP server, accept it once, and end the lock-out', async () => {
    const u = await makeUser(t.db, 'enterprise');
    await t.db
      .updateTable('users')
      .set({ locked_until: new Date(Date.now() + 600_000) })
      .where('id', '=', u.id)
      .execute();
    const before = smtp.mails.length;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password/forgot',
      payload: { email: u.email },
    });
    expect(res.statusCode).toBe(202);
    await expect.poll(() => smtp.mails.length, { timeout: 5000 }).toBe(before + 1);
    const mail = smtp.mails.at(-1)!;
    expect(mail.to).toEqual([u.email]);
    const body = decodeQuotedPrintable(mail.raw);
    const token = /reset-password\?token=([\w%-]+)/.exec(body)?.[1];
    expect(body).toContain('http://heza.test/reset-password?token=');
    expect(token).toBeTruthy();
    const reset = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password/reset',
      payload: { token: decodeURIComponent(token!), newPassword: 'Reset-password-456' },
    });
    expect(reset.statusCode).toBe(204);
    expect((await login(u.email, 'Reset-password-456')).statusCode).toBe(200);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password/reset',
      payload: { token: decodeURIComponent(token!), newPassword: 'Reset-password-789' },
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().code).toBe('AUTH_RESET_TOKEN_INVALID');
  });

  it('should answer 202 without sending anything for an unknown e-mail', async () => {
    const before = smtp.mails.length;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password/forgot',
      payload: { email: 'ghost@heza.test' },
    });
    expect(res.statusCode).toBe(202);
    await new Promise((r) => setTimeout(r, 200));
    expect(smtp.mails.length).toBe(before);
  });
});
