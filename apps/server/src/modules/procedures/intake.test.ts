import type { DossierView } from '@heza/shared';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeEnterprise } from '../../../test/factories.ts';
import { formatDossierCode } from './code.ts';
import { counterBody, procedure, procedureTestApp, receiveAtCounter, staffOf, userOf } from './testing.ts';

let t: Awaited<ReturnType<typeof procedureTestApp>>;
let counter: Awaited<ReturnType<typeof staffOf>>;

beforeAll(async () => {
  t = await procedureTestApp();
  counter = await staffOf(t, 'office');
});
afterAll(() => t.close());
afterEach(() => vi.useRealTimers());

/** Freezes the server clock (only Date: timers keep running for the database driver). */
function at(iso: string) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(iso));
}

describe('intake at the counter', () => {
  it('should give a complete dossier a code, a secret and an appointment on working days', async () => {
    at('2026-03-02T09:30:00+07:00'); // Monday
    const p = await procedure(t, 'BQL-LD-01'); // 5 working days, cut-off 15:00
    const d = await receiveAtCounter(t, counter.headers, p);
    expect(d.status).toBe('received');
    expect(d.code).toMatch(/^000\.00\.00\.Z99-260302-\d{4}$/);
    expect(d.trackingSecret).toMatch(/^[A-Z2-9]{4}$/);
    expect(d.countingFrom).toBe('2026-03-02');
    expect(d.legalDueDate).toBe('2026-03-09');
    expect(d.dueAt).toBe(new Date('2026-03-09T09:30:00+07:00').toISOString());
    expect(d.steps.map((s) => s.dueDate)).toEqual(['2026-03-05', '2026-03-06', '2026-03-09']);
  });

  it('should count from the next working day when received at or after the 15:00 cut-off', async () => {
    const p = await procedure(t, 'BQL-LD-01');
    at('2026-03-02T14:59:00+07:00');
    const before = await receiveAtCounter(t, counter.headers, p);
    at('2026-03-02T15:00:00+07:00');
    const after = await receiveAtCounter(t, counter.headers, p);
    expect(before.countingFrom).toBe('2026-03-02');
    expect(before.legalDueDate).toBe('2026-03-09');
    expect(after.countingFrom).toBe('2026-03-03');
    expect(after.legalDueDate).toBe('2026-03-10');
    // The receipt day (the code's date) stays the day the applicant came.
    expect(after.code).toContain('-260302-');
    expect(after.dueAt).toBe(new Date('2026-03-10T08:00:00+07:00').toISOString());
  });

  it('should skip the official Tết days and weekends when computing the appointment', async () => {
    at('2026-02-12T10:00:00+07:00'); // Thursday before Tết 2026 (16–20 Feb off)
    const p = await procedure(t, 'BQL-LD-01');
    const d = await receiveAtCounter(t, counter.headers, p);
    // 13 Feb (Fri) = 1; 14–22 Feb off; 23, 24, 25, 26 = 2..5
    expect(d.legalDueDate).toBe('2026-02-26');
  });

  it('should ignore the cut-off for a procedure without one', async () => {
    at('2026-03-02T16:30:00+07:00');
    const p = await procedure(t, 'BQL-LD-04'); // no cut-off, 7 days
    expect(p.cutoff).toBeNull();
    const d = await receiveAtCounter(t, counter.headers, p);
    expect(d.countingFrom).toBe('2026-03-02');
    expect(d.legalDueDate).toBe('2026-03-11');
  });

  it('should number the dossiers of a day 0001, 0002, … without gaps or duplicates under concurrency', async () => {
    at('2026-03-04T09:00:00+07:00');
    const p = await procedure(t, 'BQL-LD-02');
    const results = await Promise.all(
      Array.from({ length: 8 }, () => receiveAtCounter(t, counter.headers, p)),
    );
    const sequences = results.map((d) => Number(d.code!.split('-').pop())).sort((a, b) => a - b);
    expect(sequences).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    at('2026-03-05T09:00:00+07:00');
    const next = await receiveAtCounter(t, counter.headers, p);
    expect(next.code).toBe(formatDossierCode('000.00.00.Z99', '2026-03-05', 1));
  });

  it('should refuse to receive an incomplete dossier, name every missing document and write nothing', async () => {
    at('2026-03-06T09:00:00+07:00');
    const p = await procedure(t, 'BQL-LD-01');
    const required = p.documents.filter((d) => d.required);
    const before = await t.db
      .selectFrom('dossiers')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/procedures/dossiers/counter',
      headers: counter.headers,
      payload: counterBody(p, { documents: [{ documentKey: required[0]!.key, originals: 1, copies: 0 }] }),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION_FAILED');
    const fields = (res.json().details as { field: string }[]).map((d) => d.field).sort();
    expect(fields).toEqual(
      required
        .slice(1)
        .map((d) => `documents.${d.key}`)
        .sort(),
    );
    const after = await t.db
      .selectFrom('dossiers')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('should refuse a paper document with fewer originals than the catalogue requires', async () => {
    const p = await procedure(t, 'BQL-LD-01');
    const docs = p.documents
      .filter((d) => d.required)
      .map((d) => ({
        documentKey: d.key,
        originals: d.key === 'application' ? 0 : d.originals,
        copies: d.copies + 1,
      }));
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/procedures/dossiers/counter',
      headers: counter.headers,
      payload: counterBody(p, { documents: docs }),
    });
    expect(res.statusCode).toBe(400);
    expect((res.json().details as { field: string }[]).map((d) => d.field)).toEqual([
      'documents.application',
    ]);
  });

  it('should issue one supplement request listing every missing document at once (form 02)', async () => {
    at('2026-03-06T09:00:00+07:00');
    const p = await procedure(t, 'BQL-LD-01');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/procedures/dossiers/counter',
      headers: counter.headers,
      payload: counterBody(p, {
        documents: [{ documentKey: 'application', originals: 1, copies: 0 }],
        decision: 'request_supplement',
        supplement: {
          reason: 'Hồ sơ chưa đủ thành phần',
          items: [{ name: 'Bản dịch công chứng hộ chiếu', reason: 'Hộ chiếu bằng tiếng nước ngoài' }],
        },
      }),
    });
    expect(res.statusCode).toBe(201);
    const d = res.json() as DossierView;
    expect(d.status).toBe('intake_supplement');
    expect(d.code).toBeNull();
    expect(d.supplements).toHaveLength(1);
    const names = d.supplements[0]!.items.map((i) => i.documentKey ?? i.name);
    const missing = p.documents.filter((x) => x.required && x.key !== 'application').map((x) => x.key);
    expect(names).toEqual([...missing, 'Bản dịch công chứng hộ chiếu']);
  });

  it('should refuse out-of-scope dossiers with a reason (form 03) and keep them without a code', async () => {
    const p = await procedure(t, 'BQL-LD-01');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/procedures/dossiers/counter',
      headers: counter.headers,
      payload: counterBody(p, {
        decision: 'reject',
        rejection: { reason: 'Doanh nghiệp không thuộc khu công nghiệp, khu kinh tế' },
      }),
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      status: 'rejected',
      code: null,
      closeReason: 'Doanh nghiệp không thuộc khu công nghiệp, khu kinh tế',
    });
  });

  it('should refuse counter intake by staff of another unit', async () => {
    const labour = await staffOf(t, 'labour');
    const p = await procedure(t, 'BQL-LD-01');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/procedures/dossiers/counter',
      headers: labour.headers,
      payload: counterBody(p),
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('FORBIDDEN');
  });

  it('should refuse a receipt time in the future or more than 7 days back', async () => {
    at('2026-03-10T09:00:00+07:00');
    const p = await procedure(t, 'BQL-LD-01');
    for (const receivedAt of ['2026-03-10T10:00:00+07:00', '2026-03-02T09:00:00+07:00']) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/procedures/dossiers/counter',
        headers: counter.headers,
        payload: counterBody(p, { receivedAt }),
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().details[0].field).toBe('receivedAt');
    }
    const ok = await receiveAtCounter(t, counter.headers, p, { receivedAt: '2026-03-09T14:50:00+07:00' });
    expect(ok.code).toContain('-260309-');
    expect(ok.countingFrom).toBe('2026-03-09');
  });
});

describe('online submission', () => {
  it('should refuse a guest without e-mail and phone and without the required files, listing all problems', async () => {
    const p = await procedure(t, 'BQL-LD-04');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/procedures/dossiers',
      payload: {
        procedureCode: p.code,
        applicant: { kind: 'organisation', name: 'Công ty Khách' },
        subject: 'Đăng ký nội quy lao động',
        documents: [],
      },
    });
    expect(res.statusCode).toBe(400);
    const fields = (res.json().details as { field: string }[]).map((d) => d.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'applicant.email',
        'applicant.phone',
        'documents.application',
        'documents.regulations',
      ]),
    );
  });

  it('should refuse online submission of a counter-only procedure', async () => {
    const p = await procedure(t, 'BQL-QH-01');
    expect(p.onlineLevel).toBe('none');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/procedures/dossiers',
      payload: {
        procedureCode: p.code,
        applicant: { kind: 'individual', name: 'A', email: 'a@b.vn', phone: '0912345678' },
        subject: 'x',
        documents: [],
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0].field).toBe('procedureCode');
  });

  it('should let an enterprise user submit for their own enterprise and see it, but not another enterprise', async () => {
    const mine = await makeEnterprise(t.db);
    const other = await makeEnterprise(t.db);
    const e = await userOf(t, 'enterprise', mine.id);
    const stranger = await userOf(t, 'enterprise', other.id);
    const p = await procedure(t, 'BQL-LD-04');
    const files = [];
    for (const d of p.documents.filter((x) => x.required)) {
      const up = await t.app.inject({
        method: 'POST',
        url: `/api/procedures/uploads?name=${encodeURIComponent(`${d.key}.pdf`)}`,
        headers: { ...e.headers, 'content-type': 'application/pdf' },
        payload: Buffer.from(`%PDF-1.4\n% ${d.key}\n%%EOF\n`),
      });
      expect(up.statusCode).toBe(201);
      files.push({ documentKey: d.key, fileId: up.json().id as string });
    }
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/procedures/dossiers',
      headers: e.headers,
      payload: {
        procedureCode: p.code,
        applicant: { kind: 'organisation', name: mine.name_vi },
        subject: 'Đăng ký nội quy lao động',
        documents: files,
      },
    });
    expect(res.statusCode).toBe(201);
    const { id, status } = res.json();
    expect(status).toBe('submitted');
    const own = await t.app.inject({
      method: 'GET',
      url: `/api/procedures/dossiers/${id}`,
      headers: e.headers,
    });
    expect(own.statusCode).toBe(200);
    expect(own.json().enterpriseId).toBe(mine.id);
    const theirs = await t.app.inject({
      method: 'GET',
      url: `/api/procedures/dossiers/${id}`,
      headers: stranger.headers,
    });
    expect(theirs.statusCode).toBe(403);
    expect(theirs.json().code).toBe('OUT_OF_JURISDICTION');
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/procedures/dossiers',
      headers: stranger.headers,
    });
    expect(list.json().items.map((x: { id: string }) => x.id)).not.toContain(id);

    // The one-stop accepts it: code and appointment from the moment of acceptance.
    const received = await t.app.inject({
      method: 'POST',
      url: `/api/procedures/dossiers/${id}/receive`,
      headers: counter.headers,
      payload: {},
    });
    expect(received.statusCode).toBe(200);
    expect(received.json().code).toMatch(/-\d{6}-\d{4}$/);
  });

  it("should not let one uploader attach another person's file", async () => {
    const e = await userOf(t, 'enterprise');
    const p = await procedure(t, 'BQL-LD-04');
    const up = await t.app.inject({
      method: 'POST',
      url: '/api/procedures/uploads?name=a.pdf',
      headers: { 'content-type': 'application/pdf' },
      payload: Buffer.from('%PDF-1.4\n%%EOF\n'),
    });
    const docs = p.documents
      .filter((x) => x.required)
      .map((d) => ({ documentKey: d.key, fileId: up.json().id }));
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/procedures/dossiers',
      headers: e.headers,
      payload: {
        procedureCode: p.code,
        applicant: { kind: 'organisation', name: 'X' },
        subject: 'x',
        documents: docs,
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0].field).toBe('documents.0.fileId');
  });
});
