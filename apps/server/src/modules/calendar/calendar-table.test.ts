import { OFFICIAL_TABLE_2024_2026 } from '@heza/shared';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDb } from '../../../test/harness.ts';
import { createDb } from '../../db/client.ts';
import { systemCtx } from '../../platform/context.ts';
import { procedure, procedureTestApp, receiveAtCounter, staffOf, userOf } from '../procedures/testing.ts';
import { changeOfficialDay } from './commands/change-official-day.ts';
import { getCalendar } from './service.ts';

let t: Awaited<ReturnType<typeof procedureTestApp>>;
let admin: Awaited<ReturnType<typeof userOf>>;
let office: Awaited<ReturnType<typeof staffOf>>;

beforeAll(async () => {
  t = await procedureTestApp();
  admin = await userOf(t, 'admin');
  office = await staffOf(t, 'office');
});
afterAll(() => t.close());
afterEach(() => vi.useRealTimers());

const put = (date: string, payload: object, headers = admin.headers) =>
  t.app.inject({ method: 'PUT', url: `/api/calendar/official-days/${date}`, headers, payload });
const revision = async () =>
  Number((await t.db.selectFrom('calendar_state').select('revision').executeTakeFirstOrThrow()).revision);

describe('the official calendar table in the database', () => {
  it('should ship exactly the official table of the calendar library (2024–2026)', async () => {
    const rows = await t.db.selectFrom('calendar_official_days').selectAll().orderBy('date').execute();
    const shipped = [...OFFICIAL_TABLE_2024_2026].sort((a, b) => a.date.localeCompare(b.date));
    expect(
      rows.map((r) => ({ date: r.date, kind: r.kind, name: r.name_vi, nameEn: r.name_en, source: r.source })),
    ).toEqual(
      shipped.map((r) => ({
        date: r.date,
        kind: r.kind,
        name: r.name,
        nameEn: r.nameEn ?? null,
        source: r.source ?? null,
      })),
    );
  });

  it('should publish a year: swapped days, make-up Saturdays, holidays and the working-day count', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/calendar/years/2026' });
    expect(res.statusCode).toBe(200);
    const y = res.json();
    expect(y.nonWorkingWeekdays.map((d: { date: string }) => d.date)).toEqual(
      expect.arrayContaining([
        '2026-01-01',
        '2026-01-02',
        '2026-02-16',
        '2026-02-20',
        '2026-04-27',
        '2026-11-24',
      ]),
    );
    expect(y.workingWeekendDays.map((d: { date: string }) => d.date)).toEqual(['2026-01-10']);
    // 261 Mon–Fri days, 14 of them off in the table (and 2/9), one Saturday worked.
    expect(y.workingDays).toBe(261 - y.nonWorkingWeekdays.length + 1);
    expect(y.pendingDecisions.map((p: { ruleId: string }) => p.ruleId)).toContain('quoc_khanh_lien_ke');
  });

  it('should let an administrator add a day and count on it at once (the cached calendar is rebuilt)', async () => {
    const before = await t.app.inject({
      method: 'GET',
      url: '/api/procedures/catalogue/BQL-LD-01/appointment?at=2026-08-28T09:00:00%2B07:00',
    });
    expect(before.json().dueDate).toBe('2026-09-07'); // 31/8, 1/9, 3/9, 4/9, 7/9 (2/9 off)
    const rev = await revision();
    const res = await put('2026-09-01', {
      kind: 'holiday',
      nameVi: 'Quốc khánh (ngày liền kề)',
      nameEn: 'National Day (adjacent day)',
      source: 'Thông báo của Bộ Nội vụ',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().day).toMatchObject({ date: '2026-09-01', kind: 'holiday', weekday: 2 });
    expect(res.json().impact).toMatchObject({ wasWorkingDay: true, isWorkingDay: false, conflicts: [] });
    expect(await revision()).toBe(rev + 1);
    const after = await t.app.inject({
      method: 'GET',
      url: '/api/procedures/catalogue/BQL-LD-01/appointment?at=2026-08-28T09:00:00%2B07:00',
    });
    expect(after.json().dueDate).toBe('2026-09-08');
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id'])
      .where('entity_id', '=', '2026-09-01')
      .execute();
    expect(audit).toEqual([{ action: 'calendar.official_day.set', actor_id: admin.user.id }]);
  });

  it('should refuse an edit that moves issued appointments, list them, and save nothing', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-07T09:00:00+07:00'));
    // Signed in under the frozen clock: a session from today would have expired by December.
    const counter = await staffOf(t, 'office');
    const d = await receiveAtCounter(t, counter.headers, await procedure(t, 'BQL-LD-01'));
    vi.useRealTimers();
    expect(d.legalDueDate).toBe('2026-12-14');
    const rev = await revision();
    const preview = await t.app.inject({
      method: 'GET',
      url: '/api/calendar/official-days/2026-12-10/impact?kind=holiday',
      headers: admin.headers,
    });
    expect(preview.json().conflicts).toEqual([
      {
        entityType: 'dossier',
        id: d.id,
        code: d.code,
        dueDate: '2026-12-14',
        recomputedDueDate: '2026-12-15',
      },
    ]);
    const refused = await put('2026-12-10', { kind: 'holiday', nameVi: 'Nghỉ đột xuất' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('CONFLICT');
    expect(refused.json().details).toEqual([
      expect.objectContaining({
        field: 'date',
        code: d.code,
        dueDate: '2026-12-14',
        recomputedDueDate: '2026-12-15',
      }),
    ]);
    expect(refused.json().details[0].message).toContain(d.code);
    expect(
      await t.db
        .selectFrom('calendar_official_days')
        .select('date')
        .where('date', '=', '2026-12-10')
        .executeTakeFirst(),
    ).toBeUndefined();
    expect(await revision()).toBe(rev);

    const saved = await put('2026-12-10', {
      kind: 'holiday',
      nameVi: 'Nghỉ đột xuất',
      acknowledgeConflicts: true,
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().impact.conflicts).toHaveLength(1);
    // Issued appointments are not rewritten: staff act on the list.
    const still = await t.app.inject({
      method: 'GET',
      url: `/api/procedures/dossiers/${d.id}`,
      headers: counter.headers,
    });
    expect(still.json().legalDueDate).toBe('2026-12-14');

    // Removing the row moves the same deadline back: warned again.
    const del = await t.app.inject({
      method: 'DELETE',
      url: '/api/calendar/official-days/2026-12-10',
      headers: admin.headers,
    });
    expect(del.statusCode).toBe(409);
    const delOk = await t.app.inject({
      method: 'DELETE',
      url: '/api/calendar/official-days/2026-12-10?acknowledgeConflicts=true',
      headers: admin.headers,
    });
    expect(delOk.statusCode).toBe(200);
    expect(delOk.json().day).toBeNull();
  });

  it('should accept a renaming without warnings (the date stays non-working)', async () => {
    const res = await put('2026-11-24', {
      kind: 'holiday',
      nameVi: 'Ngày Văn hóa Việt Nam',
      source: 'NQ 28/2026/QH16',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().impact).toMatchObject({ wasWorkingDay: false, isWorkingDay: false, conflicts: [] });
  });

  it('should refuse edits by non-administrators and malformed input', async () => {
    expect((await put('2026-12-31', { kind: 'holiday', nameVi: 'x' }, office.headers)).statusCode).toBe(403);
    expect((await put('2026-02-30', { kind: 'holiday', nameVi: 'x' })).statusCode).toBe(400);
    expect((await put('2200-01-01', { kind: 'holiday', nameVi: 'x' })).statusCode).toBe(400);
    expect((await put('2026-12-31', { kind: 'vacation', nameVi: 'x' })).statusCode).toBe(400);
    expect((await put('2026-12-31', { kind: 'holiday', nameVi: '  ' })).statusCode).toBe(400);
    expect(
      (
        await t.app.inject({
          method: 'DELETE',
          url: '/api/calendar/official-days/2026-12-30',
          headers: admin.headers,
        })
      ).statusCode,
    ).toBe(404);
  });
});

describe('the calendar cache', () => {
  it('should see an edit made through another connection pool (another process) on the next call', async () => {
    const { db, url, drop } = await createTestDb();
    const other = createDb(url, { max: 2 });
    try {
      const before = await getCalendar(db);
      expect(before.isWorkingDay('2026-12-31')).toBe(true);
      expect(await getCalendar(db)).toBe(before);
      await changeOfficialDay(
        systemCtx(other.db),
        '2026-12-31',
        { kind: 'day_off', nameVi: 'Nghỉ cuối năm', acknowledgeConflicts: false },
        false,
      );
      const after = await getCalendar(db);
      expect(after).not.toBe(before);
      expect(after.isWorkingDay('2026-12-31')).toBe(false);
    } finally {
      await other.db.destroy();
      await drop();
    }
  });
});
