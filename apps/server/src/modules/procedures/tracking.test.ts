import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PORTAL_LANGS, TRACKING_MESSAGES } from './public/messages.ts';
import { post, procedure, procedureTestAppWithPages, receiveAtCounter, staffOf } from './testing.ts';

let t: Awaited<ReturnType<typeof procedureTestAppWithPages>>;
let code: string;
let secret: string;
let addr = 0;
/** A fresh client address per test, so the per-address rate limit of one test does not leak into another. */
const client = () => `10.0.0.${++addr}`;

beforeAll(async () => {
  t = await procedureTestAppWithPages();
  const office = await staffOf(t, 'office');
  const d = await receiveAtCounter(t, office.headers, await procedure(t, 'BQL-LD-01'));
  await post(t, office.headers, `/api/procedures/dossiers/${d.id}/transfer`);
  code = d.code!;
  secret = d.trackingSecret;
});
afterAll(() => t.close());

function lookup(lang: string, c: string, s: string, remoteAddress: string) {
  return t.app.inject({
    method: 'POST',
    url: `/${lang}/dossiers/track`,
    remoteAddress,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ code: c, secret: s }).toString(),
  });
}

describe('public tracking page', () => {
  it('should show the lookup form without JavaScript and keep it out of caches', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/vi/dossiers/track', remoteAddress: client() });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toContain('<form method="post" action="/vi/dossiers/track"');
    expect(res.body).not.toMatch(/<script/i);
  });

  it('should show the progress in each of the five languages for the right code and secret', async () => {
    for (const lang of PORTAL_LANGS) {
      const res = await lookup(lang, code, secret.toLowerCase(), client());
      expect(res.statusCode, lang).toBe(200);
      const m = TRACKING_MESSAGES[lang];
      expect(res.body).toContain(`<html lang="${m.htmlLang}">`);
      expect(res.body).toContain(m.statuses.processing);
      expect(res.body).toContain(code);
      expect(res.body).toContain(m.stepCurrent);
      // Progress only: no applicant data on a public page.
      expect(res.body).not.toContain('applicant@example.vn');
      expect(res.body).not.toContain('0912345678');
    }
  });

  it('should also answer a GET with code and secret in the query (QR codes)', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/en/dossiers/track?code=${code}&secret=${secret}`,
      remoteAddress: client(),
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(TRACKING_MESSAGES.en.statuses.processing);
    expect(res.body).toContain('/api/public/dossiers/');
  });

  it('should give the same answer for a wrong code and for a wrong secret', async () => {
    const wrongSecret = await lookup('vi', code, secret === 'AAAA' ? 'BBBB' : 'AAAA', client());
    const otherCode = code.replace(/\d{4}$/, '9999');
    const wrongCode = await lookup('vi', otherCode, secret, client());
    const malformed = await lookup('vi', 'not-a-code', secret, client());
    expect(wrongSecret.statusCode).toBe(404);
    expect(wrongCode.statusCode).toBe(404);
    expect(malformed.statusCode).toBe(404);
    expect(wrongSecret.body).toContain(TRACKING_MESSAGES.vi.notFound);
    // The pages differ only in the code echoed back into the form.
    const strip = (html: string, c: string) => html.replace(`value="${c}"`, 'value=""');
    expect(strip(wrongCode.body, otherCode)).toBe(strip(wrongSecret.body, code));
    expect(strip(malformed.body, 'not-a-code')).toBe(strip(wrongSecret.body, code));
  });

  it('should give the same JSON answer for a wrong code and a wrong secret', async () => {
    const ip = client();
    const a = await t.app.inject({
      method: 'GET',
      url: `/api/public/dossiers/track?code=${code}&secret=ZZZZ`,
      remoteAddress: ip,
    });
    const b = await t.app.inject({
      method: 'GET',
      url: `/api/public/dossiers/track?code=${code.replace(/\d{4}$/, '9998')}&secret=${secret}`,
      remoteAddress: ip,
    });
    expect(a.statusCode).toBe(404);
    expect(b.statusCode).toBe(404);
    expect({ code: a.json().code, message: a.json().message }).toEqual({
      code: b.json().code,
      message: b.json().message,
    });
    const good = await t.app.inject({
      method: 'GET',
      url: `/api/public/dossiers/track?code=${code}&secret=${secret}`,
      remoteAddress: ip,
    });
    expect(good.statusCode).toBe(200);
    expect(good.json()).toMatchObject({ code, status: 'processing', overdue: false });
    expect(good.json()).not.toHaveProperty('id');
  });

  it('should rate-limit lookups per address (guessing), answer 429 as a page, and leave other addresses alone', async () => {
    const ip = client();
    for (let i = 0; i < 30; i++) {
      const res = await lookup('en', code, `Q${String(i).padStart(3, '0')}`.slice(0, 4), ip);
      expect(res.statusCode).toBe(404);
    }
    // Viewing the empty form does not count.
    expect(
      (await t.app.inject({ method: 'GET', url: '/en/dossiers/track', remoteAddress: ip })).statusCode,
    ).toBe(200);
    const limited = await lookup('en', code, secret, ip);
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(limited.body).toContain(TRACKING_MESSAGES.en.rateLimited);
    expect((await lookup('en', code, secret, client())).statusCode).toBe(200);
  });

  it('should answer an unknown language with a page, not a crash', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/fr/dossiers/track', remoteAddress: client() });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
  });
});
