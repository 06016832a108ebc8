import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedProceduresDemo } from './seed.ts';
import { procedureTestApp, userOf } from './testing.ts';

let t: Awaited<ReturnType<typeof procedureTestApp>>;
beforeAll(async () => {
  t = await procedureTestApp();
});
afterAll(() => t.close());

describe('demo data', () => {
  it('should load demo dossiers and feedback once, marked as demo, that the statistics count', async () => {
    const first = await seedProceduresDemo(t.db, new Date('2026-11-20T10:00:00+07:00'));
    expect(first).toEqual({ dossiers: 40, feedback: 4 });
    expect(await seedProceduresDemo(t.db)).toEqual({ dossiers: 0, feedback: 0 });
    const rows = await t.db.selectFrom('dossiers').select(['is_demo', 'code', 'status']).execute();
    expect(rows.every((r) => r.is_demo && r.code)).toBe(true);
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['processing', 'result_ready', 'returned']));
    const leader = await userOf(t, 'leader');
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/procedures/statistics?period=2026&groupBy=none',
      headers: leader.headers,
    });
    expect(res.json().total.received.total).toBe(40);
    const published = await t.app.inject({ method: 'GET', url: '/api/public/feedback/answers' });
    expect(published.json().total).toBe(2);
  });
});
