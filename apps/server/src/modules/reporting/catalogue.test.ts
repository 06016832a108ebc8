import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { signIn } from '../../../test/factories.ts';
import { buildTestApp, type TestApp } from '../../../test/harness.ts';
import { clock } from './schedule.ts';
import { createMonthlyForm, fullValues, insertEnterprise, insertUser, insertZone } from './testing.ts';

let t: TestApp;
let form: { id: string };
let ent: { id: string };
let admin: Record<string, string>;
let entUser: Record<string, string>;

beforeAll(async () => {
  t = await buildTestApp();
  const park = await insertZone(t.db, 'KCN Danh mục');
  ent = await insertEnterprise(t.db, 'Công ty Danh mục', park.id);
  form = await createMonthlyForm(t.db);
  admin = await signIn(t.app, (await insertUser(t.db, 'admin')).email);
  entUser = await signIn(t.app, (await insertUser(t.db, 'enterprise', { enterpriseId: ent.id })).email);
});
afterAll(() => t.close());
beforeEach(() => {
  vi.spyOn(clock, 'today').mockReturnValue('2026-11-05');
  vi.spyOn(clock, 'now').mockReturnValue(new Date('2026-11-05T03:00:00Z'));
});
afterEach(() => vi.restoreAllMocks());

const post = (url: string, payload: object, headers = admin) =>
  t.app.inject({ method: 'POST', url, payload, headers });
const patch = (url: string, payload: object, headers = admin) =>
  t.app.inject({ method: 'PATCH', url, payload, headers });
const submit = (period: string, values: unknown) =>
  post(`/api/reporting/forms/${form.id}/reports/${ent.id}/${period}/submit`, { values } as object, entUser);
const formInput = (over: Record<string, unknown> = {}) => ({
  code: `BM-${Math.random().toString(36).slice(2, 8)}`,
  nameVi: 'Biểu thử',
  nameEn: 'Test form',
  periodType: 'quarter',
  dueAfterDays: 10,
  lockAfterDays: 30,
  firstPeriod: '2026Q1',
  indicators: [{ code: 'rd_total' }],
  ...over,
});

describe('validation rules: blocking and warning', () => {
  it('should refuse a submission that breaks a blocking rule and accept one with a warning, returning it', async () => {
    const blocking = await post(`/api/reporting/forms/${form.id}/rules`, {
      code: 'XK-LE-DT',
      leftExpr: 'export',
      operator: 'le',
      rightExpr: 'revenue',
      severity: 'blocking',
      messageVi: 'Xuất khẩu không được lớn hơn doanh thu.',
      messageEn: 'Exports cannot exceed revenue.',
    });
    expect(blocking.statusCode, blocking.body).toBe(201);
    const warning = await post(`/api/reporting/forms/${form.id}/rules`, {
      code: 'TN-KHOANG',
      leftExpr: 'avg_income',
      operator: 'ratio_between',
      rightExpr: '1000000',
      ratioMin: 3,
      ratioMax: 150,
      severity: 'warning',
      messageVi: 'Thu nhập bình quân ngoài khoảng thường gặp.',
      messageEn: 'Average income outside the usual range.',
    });
    expect(warning.statusCode, warning.body).toBe(201);

    const refused = await submit(
      '2026M10',
      fullValues().map((v) => (v.indicator === 'export' ? { ...v, value: '9000000' } : v)),
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.json().details).toEqual([
      { field: 'values.export', message: 'Xuất khẩu không được lớn hơn doanh thu.' },
    ]);

    const warned = await submit(
      '2026M10',
      fullValues().map((v) => (v.indicator === 'avg_income' ? { ...v, value: '900000' } : v)),
    );
    expect(warned.statusCode, warned.body).toBe(200);
    expect(warned.json().warnings).toEqual([
      {
        field: 'values.avg_income',
        message: 'Thu nhập bình quân ngoài khoảng thường gặp.',
        severity: 'warning',
        rule: 'TN-KHOANG',
      },
    ]);
  });

  it('should only warn about a blocking rule while the report is a draft', async () => {
    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/reporting/forms/${form.id}/reports/${ent.id}/2026M09/draft`,
      payload: {
        values: fullValues().map((v) => (v.indicator === 'export' ? { ...v, value: '9000000' } : v)),
      },
      headers: entUser,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().problems).toEqual([expect.objectContaining({ rule: 'XK-LE-DT', severity: 'warning' })]);
  });

  it('should check values as they are typed without saving them', async () => {
    const res = await post(
      `/api/reporting/forms/${form.id}/reports/${ent.id}/2026M09/check`,
      { values: [{ indicator: 'revenue', value: '-1', estimate: false }], mode: 'draft' },
      entUser,
    );
    expect(res.json().ok).toBe(false);
    expect(res.json().problems).toContainEqual({
      field: 'values.revenue',
      severity: 'blocking',
      message: 'Doanh thu không được là số âm.',
    });
    expect(res.json().problems.filter((p: { severity: string }) => p.severity === 'blocking')).toHaveLength(
      1,
    );
  });

  it('should refuse a rule naming an indicator that is not on the form, and a malformed expression', async () => {
    const unknown = await post(`/api/reporting/forms/${form.id}/rules`, {
      code: 'X1',
      leftExpr: 'fdi_attracted_usd',
      operator: 'ge',
      rightExpr: '0',
      severity: 'warning',
      messageVi: 'x',
      messageEn: 'x',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().details[0].field).toBe('leftExpr');
    const malformed = await post(`/api/reporting/forms/${form.id}/rules`, {
      code: 'X2',
      leftExpr: 'revenue',
      operator: 'ge',
      rightExpr: 'import +',
      severity: 'warning',
      messageVi: 'x',
      messageEn: 'x',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().details[0]).toMatchObject({
      field: 'rightExpr',
      message: expect.stringContaining('ký tự'),
    });
  });

  it('should refuse a ratio rule without bounds', async () => {
    const res = await post(`/api/reporting/forms/${form.id}/rules`, {
      code: 'X3',
      leftExpr: 'export',
      operator: 'ratio_between',
      rightExpr: 'revenue',
      severity: 'warning',
      messageVi: 'x',
      messageEn: 'x',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0].field).toBe('ratioMin');
  });

  it('should delete a rule for administrators only, so the form no longer checks it', async () => {
    const created = await post(`/api/reporting/forms/${form.id}/rules`, {
      code: 'DEL-1',
      leftExpr: 'export',
      operator: 'le',
      rightExpr: 'revenue',
      severity: 'blocking',
      messageVi: 'Xuất khẩu không lớn hơn doanh thu.',
      messageEn: 'Exports not above revenue.',
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    const del = (headers: Record<string, string>) =>
      t.app.inject({ method: 'DELETE', url: `/api/reporting/rules/${id}`, headers });
    expect((await del(entUser)).statusCode).toBe(403);
    const ok = await del(admin);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ id });
    const view = await t.app.inject({
      method: 'GET',
      url: `/api/reporting/forms/${form.id}`,
      headers: admin,
    });
    expect(view.json().rules.map((r: { code: string }) => r.code)).not.toContain('DEL-1');
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action'])
      .where('entity_id', '=', id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['reporting.rule.create', 'reporting.rule.delete']);
    expect((await del(admin)).statusCode).toBe(404);
  });
});

describe('indicator catalogue', () => {
  it('should add a reported indicator with names in five languages, and refuse its code twice', async () => {
    const input = {
      code: 'rd_total',
      nameVi: 'Chi nghiên cứu phát triển',
      nameEn: 'R&D spending',
      nameZh: '研发支出',
      nameKo: '연구개발비',
      nameJa: '研究開発費',
      unit: 'usd',
      displayUnit: 'usd_m',
      aggregation: 'sum',
      decimals: 2,
    };
    const res = await post('/api/reporting/indicators', input);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      code: 'rd_total',
      nameKo: '연구개발비',
      displayUnit: 'usd_m',
      source: 'reported',
    });
    expect((await post('/api/reporting/indicators', input)).statusCode).toBe(409);
  });

  it('should keep the other fields when an update changes one', async () => {
    const res = await patch('/api/reporting/indicators/rd_total', {
      nameEn: 'Research and development spending',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      nameEn: 'Research and development spending',
      decimals: 2,
      displayUnit: 'usd_m',
      active: true,
    });
  });

  it('should add a computed indicator and refuse a formula over an unknown indicator', async () => {
    const bad = await post('/api/reporting/indicators', {
      code: 'export_share',
      nameVi: 'Tỷ trọng xuất khẩu',
      nameEn: 'Export share',
      unit: 'percent',
      aggregation: 'formula',
      source: 'computed',
      formula: 'export / turnover * 100',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0].field).toBe('formula');
    const good = await post('/api/reporting/indicators', {
      code: 'export_share',
      nameVi: 'Tỷ trọng xuất khẩu',
      nameEn: 'Export share',
      unit: 'percent',
      aggregation: 'formula',
      source: 'computed',
      formula: 'export / revenue * 100',
      decimals: 1,
    });
    expect(good.statusCode, good.body).toBe(201);
    const q = await t.app.inject({
      method: 'GET',
      url: '/api/analytics/query?indicators=export_share&periods=2026M10',
      headers: admin,
    });
    expect(q.json().cells[0].value).toBe('60'); // 3 000 000 / 5 000 000
  });

  it('should refuse a weighted average without its weight', async () => {
    const res = await post('/api/reporting/indicators', {
      code: 'avg_hours',
      nameVi: 'Giờ làm bình quân',
      nameEn: 'Average hours',
      unit: 'count',
      aggregation: 'weighted_average',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0].field).toBe('weightIndicator');
  });

  it('should refuse to change what stored values mean once values exist', async () => {
    const res = await patch('/api/reporting/indicators/revenue', { unit: 'vnd' });
    expect(res.statusCode).toBe(409);
    expect(res.json().details[0].field).toBe('unit');
    expect((await patch('/api/reporting/indicators/revenue', { nameEn: 'Net revenue' })).statusCode).toBe(
      200,
    );
  });

  it('should refuse catalogue changes by an enterprise user', async () => {
    const res = await post(
      '/api/reporting/indicators',
      { code: 'x_y', nameVi: 'x', nameEn: 'x', unit: 'usd', aggregation: 'sum' },
      entUser,
    );
    expect(res.statusCode).toBe(403);
  });
});

describe('forms', () => {
  it('should refuse a lock day before the due day, naming lockAfterDays', async () => {
    const res = await post('/api/reporting/forms', formInput({ dueAfterDays: 20, lockAfterDays: 10 }));
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0]).toMatchObject({
      field: 'lockAfterDays',
      message: expect.stringContaining('hạn nộp'),
    });
  });

  it('should refuse an indicator already collected by another active form', async () => {
    const res = await post('/api/reporting/forms', formInput({ indicators: [{ code: 'revenue' }] }));
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0]).toMatchObject({
      field: 'indicators.0.code',
      message: expect.stringContaining('cộng trùng'),
    });
  });

  it('should refuse a weighted average without its weight on the form, and a registry indicator', async () => {
    await patch(`/api/reporting/forms/${form.id}`, { active: false });
    const res = await post(
      '/api/reporting/forms',
      formInput({ indicators: [{ code: 'avg_income' }, { code: 'occupancy_rate' }] }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().details.map((d: { field: string }) => d.field)).toEqual([
      'indicators.0.code',
      'indicators.1.code',
    ]);
    await patch(`/api/reporting/forms/${form.id}`, { active: true });
  });

  it('should refuse a first period of another type than the form', async () => {
    const res = await post('/api/reporting/forms', formInput({ firstPeriod: '2026M01' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0].field).toBe('firstPeriod');
  });

  it('should create a quarterly form listing its enterprises and keep other fields on update', async () => {
    const res = await post(
      '/api/reporting/forms',
      formInput({ targetMode: 'listed', enterpriseIds: [ent.id] }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const updated = await patch(`/api/reporting/forms/${res.json().id}`, { lockAfterDays: 45 });
    expect(updated.json()).toMatchObject({
      lockAfterDays: 45,
      dueAfterDays: 10,
      targetMode: 'listed',
      enterpriseIds: [ent.id],
      remindAfterDays: [1, 5],
    });
    const bad = await patch(`/api/reporting/forms/${res.json().id}`, { lockAfterDays: 5 });
    expect(bad.json().details[0].field).toBe('lockAfterDays');
  });

  it('should show an enterprise user only the forms it must report', async () => {
    const park = await insertZone(t.db, 'KCN Khác');
    const stranger = await insertEnterprise(t.db, 'Công ty khác', park.id);
    const theirs = await post(
      '/api/reporting/forms',
      formInput({
        indicators: [{ code: 'export_share_src' }],
        targetMode: 'listed',
        enterpriseIds: [stranger.id],
      }),
    );
    // export_share_src does not exist: make a reported indicator for this form first.
    expect(theirs.statusCode).toBe(400);
    await post('/api/reporting/indicators', {
      code: 'export_share_src',
      nameVi: 'x',
      nameEn: 'x',
      unit: 'usd',
      aggregation: 'sum',
    });
    const created = await post(
      '/api/reporting/forms',
      formInput({
        indicators: [{ code: 'export_share_src' }],
        targetMode: 'listed',
        enterpriseIds: [stranger.id],
      }),
    );
    expect(created.statusCode, created.body).toBe(201);
    const mine = await t.app.inject({ method: 'GET', url: '/api/reporting/forms', headers: entUser });
    const ids = (mine.json().items as { id: string }[]).map((f) => f.id);
    expect(ids).toContain(form.id);
    expect(ids).not.toContain(created.json().id);
    const direct = await t.app.inject({
      method: 'GET',
      url: `/api/reporting/forms/${created.json().id}`,
      headers: entUser,
    });
    expect(direct.statusCode).toBe(403);
  });
});
