import type { FeedbackView } from '@heza/shared';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeEnterprise } from '../../../test/factories.ts';
import {
  post,
  procedure,
  procedureTestApp,
  receiveAtCounter,
  staffOf,
  userOf,
} from '../procedures/testing.ts';

let t: Awaited<ReturnType<typeof procedureTestApp>>;
let office: Awaited<ReturnType<typeof staffOf>>;
let labour: Awaited<ReturnType<typeof staffOf>>;
let environment: Awaited<ReturnType<typeof staffOf>>;
let admin: Awaited<ReturnType<typeof userOf>>;

beforeAll(async () => {
  t = await procedureTestApp();
  office = await staffOf(t, 'office');
  labour = await staffOf(t, 'labour');
  environment = await staffOf(t, 'environment');
  admin = await userOf(t, 'admin');
});
afterAll(() => t.close());
afterEach(() => vi.useRealTimers());

function at(iso: string) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(iso));
}
const guest = {
  kind: 'petition',
  categoryCode: 'labour',
  requesterName: 'Trần Thị Công Nhân',
  requesterEmail: 'congnhan@example.vn',
  subject: 'Nhà ở công nhân KCN Đình Vũ',
  body: 'Đề nghị Ban xem xét bố trí thêm nhà ở cho công nhân.',
};
let addr = 0;
/** Portal submissions are rate-limited per address: each test submission comes from its own address. */
async function submit(extra: Record<string, unknown> = {}, headers?: Record<string, string>) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/feedback',
    headers,
    remoteAddress: `10.1.0.${++addr}`,
    payload: { ...guest, ...extra },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; code: string; trackingSecret: string; dueDate: string };
}
const act = (who: { headers: Record<string, string> }, id: string, path: string, payload: object = {}) =>
  post(t, who.headers, `/api/feedback/${id}/${path}`, payload);

describe('feedback intake', () => {
  it('should give a code and a secret, route by category and set the response date on working days', async () => {
    at('2026-02-13T10:00:00+07:00'); // Friday before Tết
    const r = await submit();
    expect(r.code).toMatch(/^PAKN-260213-\d{4}$/);
    expect(r.trackingSecret).toMatch(/^[A-Z2-9]{4}$/);
    // 10 working days after 13/2: 23–27/2 and 2–6/3 (Tết 16–20/2 and weekends skipped)
    expect(r.dueDate).toBe('2026-03-06');
    vi.useRealTimers();
    const view = (
      await t.app.inject({ method: 'GET', url: `/api/feedback/${r.id}`, headers: labour.headers })
    ).json() as FeedbackView;
    expect(view).toMatchObject({ unit: 'labour', status: 'received', channel: 'portal', kind: 'petition' });
  });

  it('should refuse a guest without any contact, and a dossier reference without the right key (same message)', async () => {
    const none = await t.app.inject({
      method: 'POST',
      url: '/api/feedback',
      payload: { ...guest, requesterEmail: null },
    });
    expect(none.statusCode).toBe(400);
    expect(none.json().details[0].field).toBe('requesterEmail');
    const d = await receiveAtCounter(t, office.headers, await procedure(t, 'BQL-LD-01'));
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/feedback',
      payload: { ...guest, dossierCode: d.code, dossierSecret: 'ZZZZ' },
    });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/feedback',
      payload: { ...guest, dossierCode: d.code!.replace(/\d{4}$/, '9999'), dossierSecret: d.trackingSecret },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().details).toEqual(unknown.json().details);
    const linked = await submit({
      dossierCode: d.code,
      dossierSecret: d.trackingSecret,
      categoryCode: 'procedures',
      procedureCode: 'BQL-LD-01',
    });
    const view = (
      await t.app.inject({ method: 'GET', url: `/api/feedback/${linked.id}`, headers: office.headers })
    ).json();
    expect(view.dossier).toEqual({ id: d.id, code: d.code });
    expect(view.unit).toBe('office');
  });

  it('should let an enterprise user follow its own items only', async () => {
    const e1 = await userOf(t, 'enterprise', (await makeEnterprise(t.db)).id);
    const e2 = await userOf(t, 'enterprise', (await makeEnterprise(t.db)).id);
    const mine = await submit({ requesterEmail: null }, e1.headers);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/feedback/${mine.id}`, headers: e1.headers }))
        .statusCode,
    ).toBe(200);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/feedback/${mine.id}`, headers: e2.headers }))
        .statusCode,
    ).toBe(403);
    const list = await t.app.inject({ method: 'GET', url: '/api/feedback', headers: e2.headers });
    expect(list.json().items).toEqual([]);
  });
});

describe('processing, answer, publication, rating and reopening', () => {
  it('should go from the unit to an answer the requester reads, rates and reopens, publishing without personal data', async () => {
    const r = await submit();
    // Only the unit (or a leader) handles it; the one-stop may re-route it.
    expect((await act(environment, r.id, 'take')).statusCode).toBe(403);
    let f = (
      await act(office, r.id, 'route', { unit: 'environment', note: 'Liên quan môi trường' })
    ).json() as FeedbackView;
    expect(f.unit).toBe('environment');
    f = (await act(environment, r.id, 'route', { unit: 'labour' })).json();
    f = (await act(labour, r.id, 'take')).json();
    expect(f).toMatchObject({ status: 'in_progress', assignee: { id: labour.user.id } });
    f = (await act(labour, r.id, 'notes', { body: 'Đã trao đổi với chủ đầu tư hạ tầng (nội bộ)' })).json();
    expect(f.notes).toHaveLength(1);

    // Rating before an answer is refused.
    const early = await post(t, undefined, `/api/public/feedback/${r.code}/rate`, {
      secret: r.trackingSecret,
      rating: 5,
    });
    expect(early.statusCode).toBe(409);

    f = (
      await act(labour, r.id, 'answer', {
        answer: 'Ban đã đề nghị chủ đầu tư bố trí thêm 200 căn hộ trong năm 2027.',
        public: true,
        publicQuestion: 'Đề nghị bố trí thêm nhà ở cho công nhân KCN Đình Vũ.',
      })
    ).json();
    expect(f).toMatchObject({ status: 'answered', isPublic: true });

    const track = await t.app.inject({
      method: 'GET',
      url: `/api/public/feedback/track?code=${r.code}&secret=${r.trackingSecret}`,
    });
    expect(track.statusCode).toBe(200);
    expect(track.json()).toMatchObject({ status: 'answered', canReopen: true });
    expect(track.json().answer).toContain('200 căn hộ');
    expect(JSON.stringify(track.json())).not.toContain('nội bộ');
    const wrong = await t.app.inject({
      method: 'GET',
      url: `/api/public/feedback/track?code=${r.code}&secret=ZZZZ`,
    });
    expect(wrong.statusCode).toBe(404);

    const published = await t.app.inject({ method: 'GET', url: '/api/public/feedback/answers' });
    const item = published.json().items.find((x: { code: string }) => x.code === r.code);
    expect(item.question).toBe('Đề nghị bố trí thêm nhà ở cho công nhân KCN Đình Vũ.');
    expect(JSON.stringify(published.json())).not.toContain('congnhan@example.vn');
    expect(JSON.stringify(published.json())).not.toContain('Trần Thị Công Nhân');

    expect(
      (await post(t, undefined, `/api/public/feedback/${r.code}/rate`, { secret: 'ZZZZ', rating: 1 }))
        .statusCode,
    ).toBe(404);
    const rated = await post(t, undefined, `/api/public/feedback/${r.code}/rate`, {
      secret: r.trackingSecret,
      rating: 2,
      comment: 'Chưa cụ thể',
    });
    expect(rated.json()).toEqual({ code: r.code, rating: 2 });

    const reopened = await post(t, undefined, `/api/public/feedback/${r.code}/reopen`, {
      secret: r.trackingSecret.toLowerCase(),
      reason: 'Cần thời gian cụ thể',
    });
    expect(reopened.statusCode).toBe(200);
    expect(reopened.json().status).toBe('in_progress');
    f = (await t.app.inject({ method: 'GET', url: `/api/feedback/${r.id}`, headers: labour.headers })).json();
    expect(f).toMatchObject({ status: 'in_progress', reopenCount: 1, isPublic: false, rating: 2 });
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/public/feedback/answers' }))
        .json()
        .items.map((x: { code: string }) => x.code),
    ).not.toContain(r.code);

    f = (
      await act(labour, r.id, 'answer', { answer: 'Dự kiến bàn giao quý II/2027.', public: false })
    ).json();
    f = (await act(labour, r.id, 'close')).json();
    expect(f.status).toBe('closed');
    expect((await act(labour, r.id, 'close')).statusCode).toBe(409);
    const mails = await t.db
      .selectFrom('applicant_notifications')
      .select('milestone')
      .where('entity_id', '=', r.id)
      .where('channel', '=', 'email')
      .orderBy('id')
      .execute();
    expect(mails.map((m) => m.milestone)).toEqual(['received', 'answered', 'reopened', 'answered']);
  });

  it('should not let the requester reopen more than 30 days after the answer (staff still may)', async () => {
    at('2026-03-02T09:00:00+07:00');
    const r = await submit();
    const l = await staffOf(t, 'labour');
    await act(l, r.id, 'answer', { answer: 'Đã xử lý.' });
    at('2026-04-10T09:00:00+07:00');
    const late = await post(t, undefined, `/api/public/feedback/${r.code}/reopen`, {
      secret: r.trackingSecret,
      reason: 'Chưa xong',
    });
    expect(late.statusCode).toBe(409);
    const l2 = await staffOf(t, 'labour');
    const byStaff = await act(l2, r.id, 'reopen', { reason: 'Doanh nghiệp gọi điện phản ánh lại' });
    expect(byStaff.statusCode).toBe(200);
    // A new response window from the reopening day.
    expect(byStaff.json().dueDate).toBe('2026-04-24');
  });

  it('should let an administrator change where a category routes and its response time', async () => {
    const res = await t.app.inject({
      method: 'PUT',
      url: '/api/feedback/categories/environment',
      headers: admin.headers,
      payload: { nameVi: 'Môi trường', nameEn: 'Environment', unit: 'environment', responseDays: 5 },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().responseDays).toBe(5);
    expect(
      (
        await t.app.inject({
          method: 'PUT',
          url: '/api/feedback/categories/environment',
          headers: labour.headers,
          payload: { nameVi: 'x', nameEn: 'x', unit: 'labour', responseDays: 5 },
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe('feedback statistics and the calendar', () => {
  it('should count answered on time and late, open overdue against the rate, and the mean rating', async () => {
    at('2026-06-01T09:00:00+07:00');
    // A unit no other test uses: open items of earlier tests would (rightly) count as overdue here.
    const onTime = await submit({ categoryCode: 'enterprise' });
    const late = await submit({ categoryCode: 'enterprise' });
    await submit({ categoryCode: 'enterprise' }); // stays open past its date
    at('2026-06-05T09:00:00+07:00');
    // Sessions last 8 hours: sign in under each frozen clock.
    expect(
      (
        await act(await staffOf(t, 'enterprise_supervision'), onTime.id, 'answer', {
          answer: 'Trả lời đúng hạn',
        })
      ).statusCode,
    ).toBe(200);
    await post(t, undefined, `/api/public/feedback/${onTime.code}/rate`, {
      secret: onTime.trackingSecret,
      rating: 4,
    });
    at('2026-06-25T09:00:00+07:00');
    expect(
      (await act(await staffOf(t, 'enterprise_supervision'), late.id, 'answer', { answer: 'Trả lời muộn' }))
        .statusCode,
    ).toBe(200);
    await post(t, undefined, `/api/public/feedback/${late.code}/rate`, {
      secret: late.trackingSecret,
      rating: 2,
    });
    at('2026-07-01T09:00:00+07:00');
    const reader = await staffOf(t, 'enterprise_supervision');
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/feedback/statistics?period=2026M06&groupBy=unit',
      headers: reader.headers,
    });
    expect(res.statusCode).toBe(200);
    const row = res.json().rows.find((r: { key: string }) => r.key === 'enterprise_supervision');
    expect(row).toMatchObject({
      received: 3,
      answeredOnTime: 1,
      answeredLate: 1,
      openOverdue: 1,
      averageRating: 3,
      onTimeRate: 0.3333,
    });
  });

  it('should list open feedback among the deadlines a calendar edit would move', async () => {
    at('2026-10-05T09:00:00+07:00');
    const r = await submit();
    expect(r.dueDate).toBe('2026-10-19');
    vi.useRealTimers();
    const impact = await t.app.inject({
      method: 'GET',
      url: '/api/calendar/official-days/2026-10-12/impact?kind=day_off',
      headers: admin.headers,
    });
    expect(impact.json().conflicts).toContainEqual({
      entityType: 'feedback',
      id: r.id,
      code: r.code,
      dueDate: '2026-10-19',
      recomputedDueDate: '2026-10-20',
    });
  });
});
