import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { signIn } from '../../../test/factories.ts';
import { buildTestApp, type TestApp } from '../../../test/harness.ts';
import { clock } from './schedule.ts';
import { createMonthlyForm, fullValues, insertEnterprise, insertUser, insertZone } from './testing.ts';

let t: TestApp;
let form: { id: string; code: string };
let ent: { id: string };
let other: { id: string };
let admin: Record<string, string>;
let staffA: Record<string, string>;
let staffB: Record<string, string>;
let entUser: Record<string, string>;
let parkA: { id: string };

// The clock is fixed so the periods' due and lock days fall where the tests need them:
// 2026M10 is due 2026-11-10 (on time today), 2026M09 was due 2026-10-10 (late, still open until its lock day
// 2026-11-09), 2026M08 locked on 2026-10-10, 2026M11 has not ended.
const TODAY = '2026-11-05';

beforeAll(async () => {
  t = await buildTestApp();
  const ez = await insertZone(t.db, 'KKT Thử', { kind: 'economic_zone' });
  parkA = await insertZone(t.db, 'KCN Thử A', { parentId: ez.id });
  const parkB = await insertZone(t.db, 'KCN Thử B');
  ent = await insertEnterprise(t.db, 'Công ty A', parkA.id);
  other = await insertEnterprise(t.db, 'Công ty B', parkB.id, { ownership: 'domestic' });
  form = await createMonthlyForm(t.db);
  admin = await signIn(t.app, (await insertUser(t.db, 'admin')).email);
  staffA = await signIn(t.app, (await insertUser(t.db, 'staff', { zoneIds: [ez.id] })).email);
  staffB = await signIn(t.app, (await insertUser(t.db, 'staff', { zoneIds: [parkB.id] })).email);
  entUser = await signIn(t.app, (await insertUser(t.db, 'enterprise', { enterpriseId: ent.id })).email);
});
afterAll(() => t.close());
beforeEach(() => {
  vi.spyOn(clock, 'today').mockReturnValue(TODAY);
  vi.spyOn(clock, 'now').mockReturnValue(new Date(`${TODAY}T03:00:00Z`));
});
afterEach(() => vi.restoreAllMocks());

const url = (period: string, enterpriseId = ent.id) =>
  `/api/reporting/forms/${form.id}/reports/${enterpriseId}/${period}`;
const submit = (period: string, values: unknown, headers = entUser, enterpriseId = ent.id) =>
  t.app.inject({
    method: 'POST',
    url: `${url(period, enterpriseId)}/submit`,
    payload: { values } as object,
    headers,
  });
const get = (period: string, headers = entUser, enterpriseId = ent.id) =>
  t.app.inject({ method: 'GET', url: url(period, enterpriseId), headers });
const replace = (
  values: ReturnType<typeof fullValues>,
  indicator: string,
  patch: Record<string, unknown>,
  combo = '',
) => values.map((v) => (v.indicator === indicator && (v.combo ?? '') === combo ? { ...v, ...patch } : v));
const countValues = async () =>
  Number(
    (
      await t.db
        .selectFrom('report_values')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('bad input', () => {
  it('should refuse negative revenue naming the field and write nothing when submitting', async () => {
    const before = await countValues();
    const res = await submit('2026M10', replace(fullValues(), 'revenue', { value: '-5' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION_FAILED');
    expect(res.json().details).toEqual([
      expect.objectContaining({ field: 'values.revenue', message: expect.stringContaining('âm') }),
    ]);
    expect(await countValues()).toBe(before);
    expect((await get('2026M10')).json().status).toBeNull();
  });

  it('should refuse foreign labour above total labour naming the foreign part', async () => {
    const values = replace(
      replace(fullValues(), 'labour', { value: 5000 }, 'nationality:foreign'),
      'labour',
      { value: 0 },
      'nationality:vn',
    );
    const res = await submit('2026M10', values);
    expect(res.statusCode).toBe(400);
    const details = res.json().details as { field: string; message: string }[];
    expect(details).toContainEqual({
      field: 'values.labour[nationality:foreign]',
      message: 'Lao động nước ngoài (5.000) lớn hơn tổng số Lao động (1.000).',
    });
  });

  it('should refuse text in a number field with a message naming the field in English when asked', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `${url('2026M10')}/submit`,
      payload: { values: replace(fullValues(), 'export', { value: 'ba triệu' }) },
      headers: { ...entUser, 'accept-language': 'en' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().details).toEqual([
      { field: 'values.export', message: 'Exports: must be a number (e.g. 1234.5), not text.' },
    ]);
  });

  it("should refuse an 'actual' for a period that has not ended and accept the same values as estimates", async () => {
    const refused = await submit('2026M11', fullValues({ estimate: false }));
    expect(refused.statusCode).toBe(400);
    expect(refused.json().details[0].field).toBe('values.revenue');
    expect(refused.json().details[0].message).toContain('chưa kết thúc');
    const ok = await submit('2026M11', fullValues({ estimate: true }));
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('should refuse a report for a period that has not started', async () => {
    const res = await submit('2026M12', fullValues({ estimate: true }));
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0].field).toBe('period');
  });

  it('should refuse a submission after the lock day with a message that names the period and both days', async () => {
    const res = await submit('2026M08', fullValues());
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('INVALID_STATE');
    expect(res.json().details[0].field).toBe('period');
    expect(res.json().details[0].message).toContain('10/10/2026');
  });

  it('should list every missing required value when submitting an incomplete report', async () => {
    const res = await submit('2026M10', [{ indicator: 'revenue', value: '1', estimate: false }]);
    expect(res.statusCode).toBe(400);
    const fields = (res.json().details as { field: string }[]).map((d) => d.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'values.export',
        'values.import',
        'values.budget_payments',
        'values.labour',
        'values.avg_income',
      ]),
    );
  });

  it('should refuse breakdown parts that do not add up to the total', async () => {
    const res = await submit('2026M10', replace(fullValues(), 'labour', { value: 900 }, 'nationality:vn'));
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0]).toEqual({
      field: 'values.labour[nationality:vn]',
      message: 'Tổng các phần theo quốc tịch (920) không bằng tổng số Lao động (1.000).',
    });
  });
});

describe('due day and lock day', () => {
  it('should count a first submission before the due day as on time', async () => {
    const res = await submit('2026M10', fullValues());
    expect(res.statusCode, res.body).toBe(200);
    const entry = (await get('2026M10')).json();
    expect(entry).toMatchObject({
      status: 'submitted',
      onTime: true,
      dueDate: '2026-11-10',
      lockDate: '2026-12-10',
      locked: false,
    });
  });

  it('should accept a late submission between the due day and the lock day and mark it late', async () => {
    const res = await submit('2026M09', fullValues());
    expect(res.statusCode, res.body).toBe(200);
    expect((await get('2026M09')).json()).toMatchObject({
      onTime: false,
      dueDate: '2026-10-10',
      lockDate: '2026-11-09',
      locked: false,
    });
  });

  it('should keep a report on time when it is corrected after the due day', async () => {
    vi.spyOn(clock, 'today').mockReturnValue('2026-11-20');
    vi.spyOn(clock, 'now').mockReturnValue(new Date('2026-11-20T03:00:00Z'));
    const res = await submit('2026M10', fullValues({ revenue: '5100000' }));
    expect(res.statusCode, res.body).toBe(200);
    expect((await get('2026M10')).json()).toMatchObject({ onTime: true });
  });
});

describe('unlock exceptions', () => {
  it('should let staff re-open a locked period for one enterprise, recording who and why, until revoked', async () => {
    const grant = await t.app.inject({
      method: 'POST',
      url: `/api/reporting/forms/${form.id}/unlocks`,
      payload: {
        periodId: '2026M08',
        enterpriseId: ent.id,
        openUntil: '2026-11-30',
        reason: 'Doanh nghiệp nộp bản giấy đúng hạn',
      },
      headers: staffA,
    });
    expect(grant.statusCode, grant.body).toBe(201);
    expect(grant.json()).toMatchObject({
      reason: 'Doanh nghiệp nộp bản giấy đúng hạn',
      grantedBy: expect.stringContaining('@test.vn'),
    });
    expect((await get('2026M08')).json()).toMatchObject({ locked: false, unlockedUntil: '2026-11-30' });
    expect((await submit('2026M08', fullValues())).statusCode).toBe(200);
    // Another enterprise's period stays locked.
    expect((await submit('2026M08', fullValues(), admin, other.id)).statusCode).toBe(409);

    const revoke = await t.app.inject({
      method: 'POST',
      url: `/api/reporting/unlocks/${grant.json().id}/revoke`,
      headers: staffA,
    });
    expect(revoke.statusCode).toBe(200);
    expect((await submit('2026M08', fullValues({ revenue: '1' }))).statusCode).toBe(409);
  });

  it('should refuse an unlock for every enterprise by staff who cover only some zones', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/reporting/forms/${form.id}/unlocks`,
      payload: { periodId: '2026M08', openUntil: '2026-11-30', reason: 'Mở cho tất cả' },
      headers: staffA,
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('OUT_OF_JURISDICTION');
  });

  it('should refuse an unlock that ends before the lock day, naming openUntil', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/reporting/forms/${form.id}/unlocks`,
      payload: { periodId: '2026M10', enterpriseId: ent.id, openUntil: '2026-11-30', reason: 'Không cần' },
      headers: staffA,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0].field).toBe('openUntil');
  });
});

describe('estimates, history, drafts and review', () => {
  it('should replace an estimate by the actual and keep both in the value history', async () => {
    // 2026M07 is locked by the fixed clock: move the clock back to when it was open.
    vi.spyOn(clock, 'today').mockReturnValue('2026-07-20');
    vi.spyOn(clock, 'now').mockReturnValue(new Date('2026-07-20T03:00:00Z'));
    expect((await submit('2026M07', fullValues({ estimate: true, revenue: '4800000' }))).statusCode).toBe(
      200,
    );
    vi.spyOn(clock, 'today').mockReturnValue('2026-08-05');
    vi.spyOn(clock, 'now').mockReturnValue(new Date('2026-08-05T03:00:00Z'));
    expect((await submit('2026M07', fullValues({ revenue: '4950000.5' }))).statusCode).toBe(200);
    const history = await t.app.inject({
      method: 'GET',
      url: `${url('2026M07')}/history?indicator=revenue`,
      headers: entUser,
    });
    expect(history.json().items).toEqual([
      expect.objectContaining({
        value: '4800000',
        estimate: true,
        previousValue: null,
        changedAt: '2026-07-20T03:00:00.000Z',
      }),
      expect.objectContaining({
        value: '4950000.5',
        estimate: false,
        previousValue: '4800000',
        previousEstimate: true,
      }),
    ]);
  });

  it('should keep a draft apart from the submitted values until it is submitted', async () => {
    const draft = await t.app.inject({
      method: 'PUT',
      url: `${url('2026M10')}/draft`,
      payload: { values: [{ indicator: 'revenue', value: '999', estimate: false }] },
      headers: entUser,
    });
    expect(draft.statusCode, draft.body).toBe(200);
    // Missing values are reported, not refused, in a draft.
    expect(draft.json().problems.every((p: { severity: string }) => p.severity === 'warning')).toBe(true);
    const entry = (await get('2026M10')).json();
    expect(entry.hasDraft).toBe(true);
    expect(entry.values).toEqual([
      expect.objectContaining({ indicator: 'revenue', value: '999', submittedValue: '5100000' }),
    ]);
    const stored = await t.db
      .selectFrom('report_values as v')
      .innerJoin('indicators as i', 'i.id', 'v.indicator_id')
      .select('v.value')
      .where('v.submission_id', '=', entry.submissionId)
      .where('i.code', '=', 'revenue')
      .executeTakeFirstOrThrow();
    expect(stored.value).toBe('5100000.000000');
  });

  it('should refuse a draft with a malformed value', async () => {
    const res = await t.app.inject({
      method: 'PUT',
      url: `${url('2026M10')}/draft`,
      payload: { values: [{ indicator: 'labour', value: '10.5', estimate: false }] },
      headers: entUser,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().details).toEqual([
      expect.objectContaining({ field: 'values.labour', message: expect.stringContaining('số nguyên') }),
    ]);
  });

  it('should refuse a save that names an outdated version', async () => {
    const entry = (await get('2026M10')).json();
    const res = await t.app.inject({
      method: 'PUT',
      url: `${url('2026M10')}/draft`,
      payload: { values: [], version: entry.version - 1 },
      headers: entUser,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().details[0].field).toBe('version');
  });

  it('should return a report for correction with the comment and keep its values', async () => {
    const entry = (await get('2026M09')).json();
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/reporting/submissions/${entry.submissionId}/return`,
      payload: { comment: 'Kiểm tra lại số nộp ngân sách' },
      headers: staffA,
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = (await get('2026M09')).json();
    expect(after).toMatchObject({ status: 'returned', reviewComment: 'Kiểm tra lại số nộp ngân sách' });
    expect(after.values).toEqual(entry.values);
    // The enterprise corrects and submits again; it stays late (the first submission decides).
    expect((await submit('2026M09', fullValues({ revenue: '5200000' }))).statusCode).toBe(200);
    expect((await get('2026M09')).json()).toMatchObject({ status: 'submitted', onTime: false });
    const accept = await t.app.inject({
      method: 'POST',
      url: `/api/reporting/submissions/${entry.submissionId}/accept`,
      headers: staffA,
    });
    expect(accept.json().status).toBe('accepted');
  });

  it('should refuse to accept a report twice', async () => {
    const entry = (await get('2026M09')).json();
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/reporting/submissions/${entry.submissionId}/accept`,
      headers: staffA,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('INVALID_STATE');
  });
});

describe('who may fill which report', () => {
  it("should refuse an enterprise user filling another enterprise's report", async () => {
    const res = await submit('2026M10', fullValues(), entUser, other.id);
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('OUT_OF_JURISDICTION');
  });

  it('should let staff enter a report on behalf of an enterprise of their zone and record the source', async () => {
    const res = await submit('2026M10', fullValues(), staffB, other.id);
    expect(res.statusCode, res.body).toBe(200);
    const list = await t.app.inject({
      method: 'GET',
      url: `/api/reporting/submissions?enterpriseId=${other.id}`,
      headers: admin,
    });
    expect(list.json().items[0]).toMatchObject({ lastSource: 'staff', periodId: '2026M10' });
  });

  it('should refuse staff entering a report for an enterprise outside their zones', async () => {
    const res = await submit('2026M10', fullValues(), staffB, ent.id);
    expect(res.statusCode).toBe(403);
  });

  it('should refuse a report from an enterprise the form does not target', async () => {
    const ind = await t.app.inject({
      method: 'POST',
      url: '/api/reporting/indicators',
      payload: {
        code: 'rd_spending',
        nameVi: 'Chi cho nghiên cứu phát triển',
        nameEn: 'R&D spending',
        unit: 'usd',
        aggregation: 'sum',
      },
      headers: admin,
    });
    expect(ind.statusCode, ind.body).toBe(201);
    const listed = await createMonthlyForm(t.db, {
      indicators: [{ code: 'rd_spending', required: true }],
      targetMode: 'listed',
      enterpriseIds: [other.id],
      firstPeriod: '2026M01',
    });
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/reporting/forms/${listed.id}/reports/${ent.id}/2026M10/submit`,
      payload: { values: [{ indicator: 'rd_spending', value: '1', estimate: false }] },
      headers: admin,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0].field).toBe('enterpriseId');
  });

  it("should show an enterprise user only its own enterprise's submissions", async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/reporting/submissions', headers: entUser });
    const ids = new Set((res.json().items as { enterpriseId: string }[]).map((i) => i.enterpriseId));
    expect([...ids]).toEqual([ent.id]);
  });
});

describe('obligations', () => {
  it('should list the periods an enterprise owes with due and lock days and their state', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/reporting/enterprises/${ent.id}/obligations?from=2026-08-01`,
      headers: entUser,
    });
    expect(res.statusCode, res.body).toBe(200);
    const mine = (res.json().items as { formId: string; periodId: string }[]).filter(
      (o) => o.formId === form.id,
    );
    expect(mine.map((o) => o.periodId)).toEqual(['2026M11', '2026M10', '2026M09', '2026M08']);
    expect(mine[3]).toMatchObject({ locked: true, lockDate: '2026-10-10', dueDate: '2026-09-10' });
  });
});
