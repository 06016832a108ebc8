import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeEnterprise } from '../../../test/factories.ts';
import { post, procedureTestApp, staffOf, tinyPdf, userOf } from '../procedures/testing.ts';
import { LANG_TAGS, PORTAL_LANGS } from './langs.ts';
import { PROCEDURE_MESSAGES } from './messages-procedures.ts';

let t: Awaited<ReturnType<typeof procedureTestApp>>;
beforeAll(async () => {
  t = await procedureTestApp();
});
afterAll(() => t.close());

// BQL-DT-03 (seeded catalogue): fully online, one required document ('application') and one optional one.
const CODE = 'BQL-DT-03';

const get = (url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url, headers: { accept: 'text/html', ...headers } });

function hreflangs(body: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of body.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">/g))
    out[m[1]!] = m[2]!;
  return out;
}

interface Part {
  name: string;
  value?: string;
  file?: { filename: string; type: string; bytes: Buffer };
}

/** A multipart/form-data body as a browser sends it. */
function multipart(parts: Part[]): { payload: Buffer; contentType: string } {
  const boundary = `----hezaform${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    chunks.push(Buffer.from(`--${boundary}\r\n`));
    if (p.file) {
      chunks.push(
        Buffer.from(
          `Content-Disposition: form-data; name="${p.name}"; filename="${p.file.filename}"\r\nContent-Type: ${p.file.type}\r\n\r\n`,
        ),
        p.file.bytes,
        Buffer.from('\r\n'),
      );
    } else {
      chunks.push(
        Buffer.from(`Content-Disposition: form-data; name="${p.name}"\r\n\r\n${p.value ?? ''}\r\n`),
      );
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

const guestFields = (over: Record<string, string> = {}): Part[] =>
  Object.entries({
    kind: 'organisation',
    name: 'Công ty TNHH Linh kiện Thử nghiệm',
    email: 'ung.vien@example.vn',
    phone: '0912 345 678',
    idNumber: '0201234567',
    address: '',
    subject: 'Cấp lại Giấy chứng nhận đăng ký đầu tư do bị mất',
    returnMethod: 'counter',
    returnAddress: '',
    consent: '1',
    ...over,
  }).map(([name, value]) => ({ name, value }));

function apply(parts: Part[], headers: Record<string, string> = {}, lang = 'vi') {
  const { payload, contentType } = multipart(parts);
  return t.app.inject({
    method: 'POST',
    url: `/${lang}/procedures/${CODE}/apply`,
    headers: { 'content-type': contentType, ...headers },
    payload,
  });
}

const count = async (table: 'dossiers' | 'stored_files') =>
  Number(
    (
      await t.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('procedure pages in every language', () => {
  it.each(PORTAL_LANGS)('should render the catalogue, a procedure and its form in %s', async (lang) => {
    for (const path of ['/procedures', `/procedures/${CODE}`, `/procedures/${CODE}/apply`]) {
      const res = await get(`/${lang}${path}`);
      expect(res.statusCode, path).toBe(200);
      expect(res.body, path).toContain(`<html lang="${LANG_TAGS[lang]}"`);
      if (!path.endsWith('/apply')) {
        const alternates = hreflangs(res.body);
        for (const l of PORTAL_LANGS)
          expect(alternates[LANG_TAGS[l]], `${path} ${l}`).toMatch(new RegExp(`/${l}${path}$`));
      }
      // Procedure data exists in Vietnamese and English: the other languages say so.
      if (lang === 'zh' || lang === 'ko' || lang === 'ja') expect(res.body, path).toContain('fallback-note');
      else expect(res.body, path).not.toContain('fallback-note');
    }
    const detail = await get(`/${lang}/procedures/${CODE}`);
    const m = PROCEDURE_MESSAGES[lang];
    expect(detail.body).toContain(m.procedure.documents);
    expect(detail.body).toContain(m.procedure.appointment);
    expect(detail.body).toContain(`href="/${lang}/procedures/${CODE}/apply"`);
    expect(detail.body).toContain(`href="/${lang}/dossiers/track"`);
    expect(detail.body).toContain(
      lang === 'vi' ? 'Cấp lại Giấy chứng nhận đăng ký đầu tư' : 'Re-issue of an investment',
    );
    const form = await get(`/${lang}/procedures/${CODE}/apply`);
    expect(form.body).toContain('enctype="multipart/form-data"');
    expect(form.body).toContain('method="post"');
    expect(form.body).toMatch(/<label for="f-doc_application">/);
    expect(form.body).toContain('type="file"');
    expect(form.headers['cache-control']).toContain('no-store');
    // Browsers send `Origin: null` on posts from no-referrer pages, which the Origin check refuses.
    expect(form.headers['referrer-policy']).toBe('same-origin');
  });

  it('should find procedures without Vietnamese diacritics and filter by field', async () => {
    const res = await get('/vi/procedures?q=cap%20lai%20giay%20chung%20nhan');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`href="/vi/procedures/${CODE}"`);
    expect(res.body).not.toContain('href="/vi/procedures/BQL-LD-05"');
    const labour = await get('/en/procedures?field=LD');
    expect(labour.body).toContain('href="/en/procedures/BQL-LD-05"');
    expect(labour.body).not.toContain(`href="/en/procedures/${CODE}"`);
    expect(labour.body).toContain('5 working days');
    const none = await get('/en/procedures?q=zzzz-nothing');
    expect(none.body).toContain(PROCEDURE_MESSAGES.en.catalogue.none);
  });

  it('should answer an unknown procedure with the 404 page of the language', async () => {
    for (const url of [
      '/ko/procedures/BQL-ZZ-99',
      '/ja/procedures/BQL-ZZ-99/apply',
      '/en/procedures/BQL-QH-01/apply',
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.body, url).toContain(`<html lang="${url.slice(1, 3)}"`);
      expect(res.body, url).toContain('noindex');
    }
  });

  it('should list every procedure in every language in the sitemap', async () => {
    const res = await get('/sitemap.xml');
    for (const l of PORTAL_LANGS) {
      expect(res.body).toContain(`/${l}/procedures/${CODE}</loc>`);
      expect(res.body).toContain(`/${l}/feedback</loc>`);
      expect(res.body).toContain(`/${l}/feedback/answers</loc>`);
    }
  });
});

describe('online application', () => {
  it('should file a guest dossier with a PDF, show the lookup key and follow it to the receipt', async () => {
    const before = { dossiers: await count('dossiers'), files: await count('stored_files') };
    const res = await apply([
      ...guestFields(),
      {
        name: 'doc_application',
        file: { filename: 'don-de-nghi.pdf', type: 'application/pdf', bytes: tinyPdf('don') },
      },
      {
        name: 'doc_power_of_attorney',
        file: { filename: '', type: 'application/octet-stream', bytes: Buffer.alloc(0) },
      },
    ]);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toContain('no-store');
    const secret = /id="tracking-secret">([A-Z2-9]{4})</.exec(res.body)?.[1];
    expect(secret).toBeDefined();
    const d = await t.db
      .selectFrom('dossiers')
      .selectAll()
      .orderBy('submitted_at', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(d).toMatchObject({
      status: 'submitted',
      channel: 'online',
      applicant_email: 'ung.vien@example.vn',
      applicant_phone: '0912 345 678',
      applicant_id_number: '0201234567',
      tracking_secret: secret,
      enterprise_id: null,
    });
    const docs = await t.db
      .selectFrom('dossier_documents')
      .selectAll()
      .where('dossier_id', '=', d.id)
      .execute();
    expect(docs.map((x) => x.document_key)).toEqual(['application']);
    expect(await count('dossiers')).toBe(before.dossiers + 1);
    expect(await count('stored_files')).toBe(before.files + 1);
    expect(res.body).toContain(`href="/vi/procedures/submissions/${d.id}"`);

    // Before intake: no code yet. After the one-stop receives it: the code, the appointment and the receipt.
    const status = () =>
      t.app.inject({
        method: 'POST',
        url: `/vi/procedures/submissions/${d.id}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: `secret=${secret}`,
      });
    expect((await status()).body).toContain(PROCEDURE_MESSAGES.vi.done.codePending);
    const wrong = await t.app.inject({
      method: 'POST',
      url: `/vi/procedures/submissions/${d.id}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `secret=${secret === 'AAAA' ? 'BBBB' : 'AAAA'}`,
    });
    expect(wrong.statusCode).toBe(404);
    const office = await staffOf(t, 'office');
    const received = await post(t, office.headers, `/api/procedures/dossiers/${d.id}/receive`, {});
    expect(received.statusCode, received.body).toBe(200);
    const code = received.json().code as string;
    const after = await status();
    expect(after.body).toContain(code);
    expect(after.body).toContain(`/api/public/dossiers/${d.id}/forms/01/pdf?secret=${secret}`);
    const track = await t.app.inject({
      method: 'POST',
      url: '/vi/dossiers/track',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `code=${encodeURIComponent(code)}&secret=${secret}`,
    });
    expect(track.statusCode).toBe(200);
    expect(track.body).toContain('Đã tiếp nhận');
  });

  it('should refuse a wrong file type or a missing field with messages next to the fields, writing nothing', async () => {
    const before = { dossiers: await count('dossiers'), files: await count('stored_files') };
    const exe = Buffer.concat([Buffer.from('4d5a90000300000004000000ffff0000', 'hex'), Buffer.alloc(256)]);
    const wrongType = await apply([
      ...guestFields({ subject: 'Giữ lại nội dung này' }),
      { name: 'doc_application', file: { filename: 'don.pdf', type: 'application/pdf', bytes: exe } },
    ]);
    expect(wrongType.statusCode).toBe(422);
    expect(wrongType.body).toContain('id="f-doc_application-error"');
    expect(wrongType.body).toContain('aria-invalid="true"');
    expect(wrongType.body).toContain('Tệp “don.pdf” không được chấp nhận');
    // Values are kept (files are not).
    expect(wrongType.body).toContain('Giữ lại nội dung này');
    expect(wrongType.body).toContain('value="ung.vien@example.vn"');

    const textAsPdf = await apply([
      ...guestFields(),
      {
        name: 'doc_application',
        file: { filename: 'note.pdf', type: 'application/pdf', bytes: Buffer.from('just text, not a PDF') },
      },
    ]);
    expect(textAsPdf.statusCode).toBe(422);
    expect(textAsPdf.body).toContain('note.pdf');

    const missing = await apply(
      [
        ...guestFields({ email: '', subject: '' }),
        { name: 'doc_application', file: { filename: 'don.pdf', type: 'application/pdf', bytes: tinyPdf() } },
      ],
      {},
      'en',
    );
    expect(missing.statusCode).toBe(422);
    expect(missing.body).toContain('<html lang="en"');
    expect(missing.body).toContain('id="f-email-error"');
    expect(missing.body).toContain('id="f-subject-error"');
    expect(missing.body).toContain('href="#f-email"');
    expect(missing.body).toContain('value="Công ty TNHH Linh kiện Thử nghiệm"');

    const noFile = await apply(guestFields());
    expect(noFile.statusCode).toBe(422);
    expect(noFile.body).toContain('id="f-doc_application-error"');

    expect(await count('dossiers')).toBe(before.dossiers);
    expect(await count('stored_files')).toBe(before.files);
  });

  it('should refuse a cross-site post', async () => {
    const before = await count('dossiers');
    const res = await apply(
      [
        ...guestFields(),
        { name: 'doc_application', file: { filename: 'don.pdf', type: 'application/pdf', bytes: tinyPdf() } },
      ],
      { origin: 'https://evil.example' },
    );
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('<html lang="vi"');
    expect(await count('dossiers')).toBe(before);
  });

  it('should file for the enterprise of a signed-in enterprise user, with the session token', async () => {
    const enterprise = await makeEnterprise(t.db);
    const user = await userOf(t, 'enterprise', enterprise.id);
    const form = await get(`/en/procedures/${CODE}/apply`, { cookie: user.headers.cookie });
    expect(form.body).toContain(`value="${user.headers['x-csrf-token']}"`);
    expect(form.body).toContain(`value="${user.user.email}"`);
    const file = {
      name: 'doc_application',
      file: { filename: 'a.pdf', type: 'application/pdf', bytes: tinyPdf('e') },
    };
    // Without the token (a forged form) nothing is filed.
    const forged = await apply(
      [...guestFields({ email: '', phone: '' }), file],
      { cookie: user.headers.cookie },
      'en',
    );
    expect(forged.statusCode).toBe(422);
    const res = await apply(
      [...guestFields({ email: '', phone: '' }), { name: 'csrf', value: user.headers['x-csrf-token'] }, file],
      { cookie: user.headers.cookie },
      'en',
    );
    expect(res.statusCode, res.body).toBe(200);
    const d = await t.db
      .selectFrom('dossiers')
      .select(['enterprise_id', 'submitted_by', 'applicant_email'])
      .where('enterprise_id', '=', enterprise.id)
      .executeTakeFirstOrThrow();
    expect(d).toEqual({
      enterprise_id: enterprise.id,
      submitted_by: user.user.id,
      applicant_email: user.user.email,
    });
  });
});
