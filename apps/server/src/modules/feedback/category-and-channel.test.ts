import type { FeedbackView } from '@heza/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { post, procedureTestApp, staffOf, userOf } from '../procedures/testing.ts';

/** The category correction of an item and the channel filter of the staff list (staff web screens). */

let t: Awaited<ReturnType<typeof procedureTestApp>>;
let office: Awaited<ReturnType<typeof staffOf>>;
let labour: Awaited<ReturnType<typeof staffOf>>;
let environment: Awaited<ReturnType<typeof staffOf>>;

beforeAll(async () => {
  t = await procedureTestApp();
  office = await staffOf(t, 'office');
  labour = await staffOf(t, 'labour');
  environment = await staffOf(t, 'environment');
});
afterAll(() => t.close());

let addr = 0;
async function fromPortal(subject: string) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/feedback',
    remoteAddress: `10.7.0.${++addr}`,
    payload: {
      kind: 'feedback',
      categoryCode: 'labour',
      requesterName: 'Người gửi cổng',
      requesterEmail: 'portal@example.vn',
      subject,
      body: 'Nội dung.',
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; code: string };
}
async function atCounter(subject: string) {
  const res = await post(t, office.headers, '/api/feedback/counter', {
    kind: 'petition',
    categoryCode: 'labour',
    requesterName: 'Người gửi tại quầy',
    subject,
    body: 'Nội dung.',
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as FeedbackView;
}
const list = async (query: string) => {
  const res = await t.app.inject({ method: 'GET', url: `/api/feedback?${query}`, headers: office.headers });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: FeedbackView[] }).items;
};

describe('channel filter', () => {
  it('should list only the items of the channel asked for', async () => {
    const p = await fromPortal('Kênh cổng chnl');
    const c = await atCounter('Kênh quầy chnl');
    const portal = await list('channel=portal&q=chnl');
    const counter = await list('channel=counter&q=chnl');
    expect(portal.map((f) => f.id)).toEqual([p.id]);
    expect(counter.map((f) => f.id)).toEqual([c.id]);
    expect((await list('q=chnl')).length).toBe(2);
    const bad = await t.app.inject({
      method: 'GET',
      url: '/api/feedback?channel=fax',
      headers: office.headers,
    });
    expect(bad.statusCode).toBe(400);
  });
});

describe('category correction', () => {
  const change = (who: { headers: Record<string, string> }, id: string, categoryCode: string) =>
    post(t, who.headers, `/api/feedback/${id}/category`, { categoryCode });

  it('should let the unit or the one-stop correct an open item, keeping its unit and date, with a log and audit', async () => {
    const f = await fromPortal('Sai lĩnh vực');
    const before = (
      await t.app.inject({ method: 'GET', url: `/api/feedback/${f.id}`, headers: office.headers })
    ).json() as FeedbackView;
    const res = await change(labour, f.id, 'environment');
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json() as FeedbackView;
    expect(after.category.code).toBe('environment');
    expect(after.unit).toBe(before.unit);
    expect(after.dueDate).toBe(before.dueDate);
    expect(after.events.at(-1)).toMatchObject({ event: 'category', note: 'labour → environment' });
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['actor_id', 'before', 'after'])
      .where('action', '=', 'feedback.item.category')
      .where('entity_id', '=', f.id)
      .executeTakeFirstOrThrow();
    expect(audit.actor_id).toBe(labour.user.id);
    expect(JSON.stringify(audit.after)).toContain('environment');
    // The one-stop (triage) may correct it too.
    expect((await change(office, f.id, 'other')).statusCode).toBe(200);
  });

  it('should refuse another unit, guests, enterprises, unknown categories and answered items', async () => {
    const f = await fromPortal('Từ chối sửa lĩnh vực');
    expect((await change(environment, f.id, 'environment')).statusCode).toBe(403);
    expect(
      (await post(t, undefined, `/api/feedback/${f.id}/category`, { categoryCode: 'other' })).statusCode,
    ).toBe(401);
    const enterprise = await userOf(t, 'enterprise');
    expect((await change(enterprise, f.id, 'other')).statusCode).toBe(403);
    const unknown = await change(labour, f.id, 'no_such_category');
    expect(unknown.statusCode).toBe(400);
    expect(JSON.stringify(unknown.json().details)).toContain('categoryCode');
    expect(
      (await post(t, labour.headers, `/api/feedback/${f.id}/answer`, { answer: 'Đã trả lời.' })).statusCode,
    ).toBe(200);
    expect((await change(labour, f.id, 'other')).statusCode).toBe(409);
  });
});
