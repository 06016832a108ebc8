import type { ProcedureView } from '@heza/shared';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  post,
  procedure,
  procedureTestApp,
  receiveAtCounter,
  staffOf,
  tinyPdf,
  upload,
  userOf,
} from './testing.ts';

let t: Awaited<ReturnType<typeof procedureTestApp>>;
let admin: Awaited<ReturnType<typeof userOf>>;
beforeAll(async () => {
  t = await procedureTestApp();
  admin = await userOf(t, 'admin');
});
afterAll(() => t.close());

function versionOf(p: ProcedureView, over: Record<string, unknown>) {
  return {
    code: p.code,
    effectiveFrom: '2027-01-01',
    nameVi: p.name.vi,
    nameEn: p.name.en,
    fieldCode: p.field.code,
    fieldVi: p.field.vi,
    fieldEn: p.field.en,
    leadUnit: p.leadUnit,
    timeLimitDays: p.timeLimitDays,
    cutoff: p.cutoff,
    onlineLevel: p.onlineLevel,
    supplementClock: p.supplementClock,
    resultVi: p.result.vi,
    resultEn: p.result.en,
    legalBasis: p.legalBasis,
    documents: p.documents,
    steps: p.steps,
    fees: p.fees,
    ...over,
  };
}

describe('procedure catalogue', () => {
  it('should ship a realistic catalogue whose steps add up to each time limit', async () => {
    const list = (await t.app.inject({ method: 'GET', url: '/api/procedures/catalogue' })).json() as {
      code: string;
    }[];
    expect(list.length).toBeGreaterThanOrEqual(12);
    for (const { code } of list) {
      const p = await procedure(t, code);
      expect(
        p.steps.reduce((n, s) => n + s.days, 0),
        code,
      ).toBe(p.timeLimitDays);
      expect(
        p.documents.some((d) => d.required),
        code,
      ).toBe(true);
    }
    const search = await t.app.inject({
      method: 'GET',
      url: '/api/procedures/catalogue?q=giay%20phep%20lao%20dong',
    });
    expect(search.json().map((x: { code: string }) => x.code)).toContain('BQL-LD-01');
  });

  it('should add a version that takes effect later and close the current one the day before', async () => {
    const p = await procedure(t, 'BQL-LD-02');
    const steps = p.steps.map((s, i) => (i === 0 ? { ...s, days: s.days + 2 } : s));
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/procedures/catalogue',
      headers: admin.headers,
      payload: versionOf(p, { timeLimitDays: p.timeLimitDays + 2, steps }),
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      version: 2,
      effectiveFrom: '2027-01-01',
      effectiveTo: null,
      timeLimitDays: p.timeLimitDays + 2,
    });
    const versions = (
      await t.app.inject({
        method: 'GET',
        url: `/api/procedures/catalogue/${p.code}/versions`,
        headers: admin.headers,
      })
    ).json();
    expect(versions.map((v: ProcedureView) => [v.version, v.effectiveTo])).toEqual([
      [2, null],
      [1, '2026-12-31'],
    ]);
    // Today the old version is in force; from 2027 the new one.
    expect((await procedure(t, p.code)).version).toBe(1);
    const later = await t.app.inject({
      method: 'GET',
      url: `/api/procedures/catalogue/${p.code}?on=2027-01-04`,
    });
    expect(later.json().version).toBe(2);
  });

  it('should refuse steps that do not add up to the time limit, duplicate keys and backdated versions', async () => {
    const p = await procedure(t, 'BQL-LD-03');
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/procedures/catalogue',
      headers: admin.headers,
      payload: versionOf(p, { timeLimitDays: p.timeLimitDays + 1 }),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0].field).toBe('steps');
    const dup = await t.app.inject({
      method: 'POST',
      url: '/api/procedures/catalogue',
      headers: admin.headers,
      payload: versionOf(p, { documents: [p.documents[0], p.documents[0]] }),
    });
    expect(dup.statusCode).toBe(400);
    const old = await t.app.inject({
      method: 'POST',
      url: '/api/procedures/catalogue',
      headers: admin.headers,
      payload: versionOf(p, { effectiveFrom: '2025-01-01' }),
    });
    expect(old.statusCode).toBe(400);
    expect(old.json().details[0].field).toBe('effectiveFrom');
    const staff = await staffOf(t, 'labour');
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/procedures/catalogue',
          headers: staff.headers,
          payload: versionOf(p, {}),
        })
      ).statusCode,
    ).toBe(403);
  });

  it('should keep a received dossier on the version it was received under', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-30T09:00:00+07:00'));
    const office = await staffOf(t, 'office');
    const d = await receiveAtCounter(t, office.headers, await procedure(t, 'BQL-LD-02'));
    vi.setSystemTime(new Date('2027-01-04T09:00:00+07:00'));
    const office2027 = await staffOf(t, 'office');
    const later = await receiveAtCounter(t, office2027.headers, await procedure(t, 'BQL-LD-02'));
    vi.useRealTimers();
    expect(d.timeLimitDays).toBe(5);
    expect(later.timeLimitDays).toBe(7);
    expect(later.legalDueDate).toBe('2027-01-13');
  });
});

describe('result returned online', () => {
  it('should let the applicant download the result file with the secret once it is ready', async () => {
    const office = await staffOf(t, 'office');
    const leader = await userOf(t, 'leader');
    let d = await receiveAtCounter(t, office.headers, await procedure(t, 'BQL-LD-01'), {
      returnMethod: 'online',
    });
    d = (await post(t, office.headers, `/api/procedures/dossiers/${d.id}/transfer`)).json();
    const early = await t.app.inject({
      method: 'GET',
      url: `/api/public/dossiers/${d.id}/result?secret=${d.trackingSecret}`,
    });
    expect(early.statusCode).toBe(409);
    const fileId = await upload(
      t,
      leader.headers,
      'Giay phep lao dong.pdf',
      tinyPdf('result'),
      'application/pdf',
    );
    for (let i = 0; i < 3; i++) {
      if (i === 2)
        await post(t, leader.headers, `/api/procedures/dossiers/${d.id}/result`, {
          fileId,
          resultNumber: '55/GPLĐ',
        });
      await post(t, leader.headers, `/api/procedures/dossiers/${d.id}/complete-step`);
    }
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/public/dossiers/${d.id}/result?secret=${d.trackingSecret}`,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload).toEqual(tinyPdf('result'));
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/public/dossiers/${d.id}/result?secret=AAAA` }))
        .statusCode,
    ).toBe(404);
    const staffDownload = await t.app.inject({
      method: 'GET',
      url: `/api/procedures/dossiers/${d.id}/files/${fileId}`,
      headers: office.headers,
    });
    expect(staffDownload.statusCode).toBe(200);
  });
});
