import type { DossierView } from '@heza/shared';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { post, procedure, procedureTestApp, receiveAtCounter, staffOf, userOf } from './testing.ts';

let t: Awaited<ReturnType<typeof procedureTestApp>>;
let office: Awaited<ReturnType<typeof staffOf>>;
let leader: Awaited<ReturnType<typeof userOf>>;

beforeAll(async () => {
  t = await procedureTestApp();
  office = await staffOf(t, 'office');
  leader = await userOf(t, 'leader');
});
afterAll(() => t.close());
afterEach(() => vi.useRealTimers());

function at(iso: string) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(iso));
}
const url = (d: { id: string }, path: string) => `/api/procedures/dossiers/${d.id}/${path}`;
async function ok(res: Awaited<ReturnType<typeof post>>): Promise<DossierView> {
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
const ask = {
  reason: 'Thiếu bản vẽ hoàn công',
  legalBasis: 'Điều 8',
  items: [{ name: 'Bản vẽ hoàn công', reason: 'Chưa có' }],
};
const answer = { documents: [{ name: 'Bản vẽ hoàn công', originals: 1 }] };

describe('supplement requests during appraisal and the clock rule', () => {
  it("should restart the full time limit from the new deemed receipt date under the 'restart' rule", async () => {
    const p = await procedure(t, 'BQL-LD-01'); // 5 days = 3 + 1 + 1, restart
    expect(p.supplementClock).toBe('restart');
    at('2026-03-02T09:00:00+07:00');
    let d = await receiveAtCounter(t, office.headers, p);
    expect(d.legalDueDate).toBe('2026-03-09');
    d = await ok(await post(t, office.headers, url(d, 'transfer')));
    at('2026-03-04T10:00:00+07:00');
    d = await ok(await post(t, leader.headers, url(d, 'appraisal-supplement'), ask));
    expect(d.status).toBe('appraisal_supplement');
    expect(d.pausedRemainingDays).toBeNull();
    expect(d.supplements.at(-1)).toMatchObject({ stage: 'appraisal', clockRule: 'restart' });
    at('2026-03-06T10:00:00+07:00');
    d = await ok(await post(t, office.headers, url(d, 'supplement/counter'), answer));
    expect(d.status).toBe('processing');
    expect(d.countingFrom).toBe('2026-03-06');
    expect(d.legalDueDate).toBe('2026-03-13');
    expect(d.dueAt).toBe(new Date('2026-03-13T10:00:00+07:00').toISOString());
    expect(d.steps.map((s) => s.dueDate)).toEqual(['2026-03-11', '2026-03-12', '2026-03-13']);
  });

  it("should give back only the working days that were left under the 'pause' rule", async () => {
    const p = await procedure(t, 'BQL-MT-01'); // 20 days = 15 + 4 + 1, pause
    expect(p.supplementClock).toBe('pause');
    at('2026-03-02T09:00:00+07:00');
    let d = await receiveAtCounter(t, office.headers, p);
    expect(d.legalDueDate).toBe('2026-03-30');
    d = await ok(await post(t, office.headers, url(d, 'transfer')));
    at('2026-03-11T10:00:00+07:00'); // 7 working days spent
    d = await ok(await post(t, leader.headers, url(d, 'appraisal-supplement'), ask));
    expect(d.pausedRemainingDays).toBe(13);
    // Waiting for the applicant past the original deadline is not overdue.
    at('2026-04-06T10:00:00+07:00');
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/procedures/dossiers?overdue=true',
      headers: leader.headers,
    });
    expect(list.json().items.map((x: { id: string }) => x.id)).not.toContain(d.id);
    at('2026-03-16T10:00:00+07:00');
    d = await ok(await post(t, office.headers, url(d, 'supplement/counter'), answer));
    expect(d.countingFrom).toBe('2026-03-16');
    expect(d.legalDueDate).toBe('2026-04-02');
    expect(d.pausedRemainingDays).toBeNull();
    expect(d.steps.map((s) => s.dueDate)).toEqual(['2026-03-26', '2026-04-01', '2026-04-02']);
  });

  it('should refuse an appraisal supplement request without items', async () => {
    const p = await procedure(t, 'BQL-LD-01');
    let d = await receiveAtCounter(t, office.headers, p);
    d = await ok(await post(t, office.headers, url(d, 'transfer')));
    const res = await post(t, leader.headers, url(d, 'appraisal-supplement'), { reason: 'Thiếu', items: [] });
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0].field).toBe('items');
  });
});

describe('apology and extension (form 04)', () => {
  it('should move the appointment to a later working day, keep the legal due date and tell the applicant', async () => {
    const p = await procedure(t, 'BQL-LD-01');
    at('2026-03-02T09:00:00+07:00');
    let d = await receiveAtCounter(t, office.headers, p);
    d = await ok(await post(t, office.headers, url(d, 'transfer')));
    const body = {
      reason: 'Cần xác minh thêm với cơ quan khác',
      signerName: 'Trần Văn B',
      signerTitle: 'PHÓ TRƯỞNG BAN',
    };
    const saturday = await post(t, leader.headers, url(d, 'extend'), { ...body, newDueDate: '2026-03-14' });
    expect(saturday.statusCode).toBe(400);
    const earlier = await post(t, leader.headers, url(d, 'extend'), { ...body, newDueDate: '2026-03-06' });
    expect(earlier.statusCode).toBe(400);
    expect(earlier.json().details[0].field).toBe('newDueDate');
    d = await ok(
      await post(t, leader.headers, url(d, 'extend'), {
        ...body,
        newDueDate: '2026-03-16',
        newDueTime: '10:00',
      }),
    );
    expect(d.dueAt).toBe(new Date('2026-03-16T10:00:00+07:00').toISOString());
    expect(d.legalDueDate).toBe('2026-03-09');
    expect(d.extensions).toHaveLength(1);
    expect(d.extensions[0]).toMatchObject({
      signerName: 'Trần Văn B',
      previousDueAt: new Date('2026-03-09T09:00:00+07:00').toISOString(),
    });
    const sent = await t.db
      .selectFrom('applicant_notifications')
      .select(['milestone', 'body'])
      .where('entity_id', '=', d.id)
      .where('channel', '=', 'email')
      .execute();
    const apology = sent.find((n) => n.milestone === 'extended');
    expect(apology?.body).toContain('Cần xác minh thêm với cơ quan khác');
  });
});
