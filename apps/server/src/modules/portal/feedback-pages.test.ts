import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { post, procedureTestApp, staffOf } from '../procedures/testing.ts';
import { LANG_TAGS, PORTAL_LANGS } from './langs.ts';
import { PROCEDURE_MESSAGES } from './messages-procedures.ts';

let t: Awaited<ReturnType<typeof procedureTestApp>>;
let office: Awaited<ReturnType<typeof staffOf>>;
beforeAll(async () => {
  t = await procedureTestApp();
  office = await staffOf(t, 'office');
});
afterAll(() => t.close());

function hreflangs(body: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of body.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">/g))
    out[m[1]!] = m[2]!;
  return out;
}

const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });

function form(url: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  return t.app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    payload: new URLSearchParams(fields).toString(),
  });
}

const feedbackFields = (over: Record<string, string> = {}) => ({
  kind: 'feedback',
  categoryCode: 'procedures',
  procedureCode: 'BQL-DT-03',
  dossierCode: '',
  dossierSecret: '',
  subject: 'Thời gian chờ tiếp nhận hồ sơ',
  body: 'Hồ sơ nộp trực tuyến đã 3 ngày chưa được tiếp nhận.',
  name: 'Nguyễn Văn An',
  organisation: '',
  email: 'an.nguyen@example.vn',
  phone: '',
  consent: '1',
  ...over,
});

const items = async () =>
  Number(
    (
      await t.db
        .selectFrom('feedback_items')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('feedback pages in every language', () => {
  it.each(PORTAL_LANGS)('should render the form, the answers and the lookup in %s', async (lang) => {
    for (const path of ['/feedback', '/feedback/answers', '/feedback/track']) {
      const res = await get(`/${lang}${path}`);
      expect(res.statusCode, path).toBe(200);
      expect(res.body, path).toContain(`<html lang="${LANG_TAGS[lang]}"`);
      const alternates = hreflangs(res.body);
      for (const l of PORTAL_LANGS)
        expect(alternates[LANG_TAGS[l]], `${path} ${l}`).toMatch(new RegExp(`/${l}${path}$`));
    }
    const f = await get(`/${lang}/feedback?procedure=BQL-DT-03`);
    expect(f.body).toContain(PROCEDURE_MESSAGES[lang].feedback.title);
    expect(f.body).toContain('<option value="BQL-DT-03" selected>');
    expect(f.body).toMatch(/<label for="f-categoryCode">/);
    expect(f.headers['referrer-policy']).toBe('same-origin');
    // The navigation links the page.
    expect(f.body).toContain(`<a href="/${lang}/feedback" aria-current="page">`);
  });
});

describe('feedback from the portal', () => {
  it('should send feedback, find it with the key, rate the answer and reopen it', async () => {
    const before = await items();
    const res = await form('/en/feedback', feedbackFields());
    expect(res.statusCode, res.body).toBe(200);
    const code = /id="feedback-code">([^<]+)</.exec(res.body)?.[1];
    const secret = /id="feedback-secret">([A-Z2-9]{4})</.exec(res.body)?.[1];
    expect(code).toMatch(/^PAKN-\d{6}-\d{4}$/);
    expect(secret).toBeDefined();
    expect(await items()).toBe(before + 1);
    const row = await t.db
      .selectFrom('feedback_items')
      .selectAll()
      .where('code', '=', code!)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      channel: 'portal',
      category_code: 'procedures',
      procedure_code: 'BQL-DT-03',
      requester_email: 'an.nguyen@example.vn',
      tracking_secret: secret,
    });

    // Wrong key: the same "not found" as an unknown code.
    const wrong = await form('/en/feedback/track', {
      action: 'lookup',
      code: code!,
      secret: secret === 'AAAA' ? 'BBBB' : 'AAAA',
    });
    expect(wrong.statusCode).toBe(404);
    expect(wrong.body).toContain(PROCEDURE_MESSAGES.en.track.notFound);

    const open = await form('/ko/feedback/track', { action: 'lookup', code: code!, secret: secret! });
    expect(open.statusCode).toBe(200);
    expect(open.body).toContain(PROCEDURE_MESSAGES.ko.track.statuses.received);
    expect(open.body).not.toContain('value="rate"');

    // The one-stop answers and publishes it.
    expect((await post(t, office.headers, `/api/feedback/${row.id}/take`, {})).statusCode).toBe(200);
    const answered = await post(t, office.headers, `/api/feedback/${row.id}/answer`, {
      answer: 'Hồ sơ đã được tiếp nhận ngày hôm sau.',
      public: true,
      publicQuestion: 'Hồ sơ trực tuyến chậm được tiếp nhận.',
    });
    expect(answered.statusCode, answered.body).toBe(200);
    const published = await get('/vi/feedback/answers');
    expect(published.body).toContain('Hồ sơ trực tuyến chậm được tiếp nhận.');
    expect(published.body).toContain('Hồ sơ đã được tiếp nhận ngày hôm sau.');
    expect(published.body).not.toContain('an.nguyen@example.vn');
    expect((await get('/en/feedback/answers')).body).toContain('fallback-note');

    const found = await form('/en/feedback/track', { action: 'lookup', code: code!, secret: secret! });
    expect(found.body).toContain('Hồ sơ đã được tiếp nhận ngày hôm sau.');
    expect(found.body).toContain('value="rate"');
    expect(found.body).toContain('value="reopen"');

    const noRating = await form('/en/feedback/track', { action: 'rate', code: code!, secret: secret! });
    expect(noRating.statusCode).toBe(422);
    expect(noRating.body).toContain(PROCEDURE_MESSAGES.en.track.ratingRequired);

    const rated = await form('/en/feedback/track', {
      action: 'rate',
      code: code!,
      secret: secret!,
      rating: '4',
      comment: 'Nhanh',
    });
    expect(rated.statusCode).toBe(200);
    expect(rated.body).toContain(PROCEDURE_MESSAGES.en.track.rated);
    const afterRating = await t.db
      .selectFrom('feedback_items')
      .select(['rating', 'rating_comment'])
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow();
    expect(afterRating).toEqual({ rating: 4, rating_comment: 'Nhanh' });

    const reopened = await form('/ja/feedback/track', {
      action: 'reopen',
      code: code!,
      secret: secret!,
      reason: 'Vẫn chưa nhận được Giấy tiếp nhận.',
    });
    expect(reopened.statusCode).toBe(200);
    expect(reopened.body).toContain(PROCEDURE_MESSAGES.ja.track.statuses.in_progress);
    const afterReopen = await t.db
      .selectFrom('feedback_items')
      .select(['status', 'reopen_count', 'is_public'])
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow();
    expect(afterReopen).toEqual({ status: 'in_progress', reopen_count: 1, is_public: false });
    // The withdrawn answer is no longer published.
    expect((await get('/vi/feedback/answers')).body).not.toContain('Hồ sơ trực tuyến chậm được tiếp nhận.');
  });

  it('should re-render the form with messages and kept values when fields are missing, writing nothing', async () => {
    const before = await items();
    const res = await form(
      '/vi/feedback',
      feedbackFields({ categoryCode: '', email: '', phone: '', body: '', consent: '' }),
    );
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('id="f-categoryCode-error"');
    expect(res.body).toContain('id="f-email-error"');
    expect(res.body).toContain('id="f-body-error"');
    expect(res.body).toContain('id="f-consent-error"');
    expect(res.body).toContain('value="Thời gian chờ tiếp nhận hồ sơ"');
    const badDossier = await form(
      '/vi/feedback',
      feedbackFields({ dossierCode: '000.00.00.Z99-260101-9999', dossierSecret: 'ABCD' }),
    );
    expect(badDossier.statusCode).toBe(422);
    expect(badDossier.body).toContain(PROCEDURE_MESSAGES.vi.feedback.errors.dossier);
    expect(await items()).toBe(before);
  });

  it('should refuse a cross-site post', async () => {
    const before = await items();
    const res = await form('/vi/feedback', feedbackFields(), { origin: 'https://evil.example' });
    expect(res.statusCode).toBe(403);
    expect(await items()).toBe(before);
  });
});
