import { createCalendar, OFFICIAL_TABLE_2024_2026 } from '@heza/shared';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { bucketDossiers, type StatDossier } from './statistics.ts';
import { post, procedure, procedureTestApp, receiveAtCounter, staffOf, userOf } from './testing.ts';

const calendar = createCalendar(OFFICIAL_TABLE_2024_2026);
const vn = (s: string) => new Date(`${s}+07:00`);

function dossier(over: Partial<StatDossier>): StatDossier {
  return {
    procedureCode: 'P1',
    procedureName: { vi: 'Thủ tục 1', en: 'Procedure 1' },
    unit: 'labour',
    channel: 'counter',
    status: 'processing',
    receivedAt: null,
    legalDueDate: null,
    finishedAt: null,
    closedAt: null,
    closure: null,
    extensions: 0,
    ...over,
  };
}

describe('statistics buckets', () => {
  const march = [
    dossier({
      receivedAt: vn('2026-02-25T09:00'),
      legalDueDate: '2026-03-04',
      finishedAt: vn('2026-03-03T10:00'),
      status: 'returned',
    }),
    dossier({
      channel: 'online',
      receivedAt: vn('2026-03-02T09:00'),
      legalDueDate: '2026-03-09',
      finishedAt: vn('2026-03-09T16:00'),
      status: 'returned',
    }),
    dossier({
      receivedAt: vn('2026-03-02T09:00'),
      legalDueDate: '2026-03-09',
      finishedAt: vn('2026-03-10T08:30'),
      status: 'returned',
      extensions: 1,
    }),
    dossier({ receivedAt: vn('2026-03-20T09:00'), legalDueDate: '2026-03-27' }),
    dossier({
      receivedAt: vn('2026-03-25T09:00'),
      legalDueDate: '2026-04-01',
      procedureCode: 'P2',
      procedureName: { vi: 'Thủ tục 2', en: 'Procedure 2' },
    }),
    dossier({ status: 'rejected', closedAt: vn('2026-03-05T10:00'), closure: 'reject' }),
    dossier({
      receivedAt: vn('2026-03-10T09:00'),
      legalDueDate: '2026-03-17',
      status: 'stopped',
      closedAt: vn('2026-03-12T10:00'),
      closure: 'stop',
    }),
    dossier({
      receivedAt: vn('2026-02-10T09:00'),
      legalDueDate: '2026-02-24',
      finishedAt: vn('2026-02-20T10:00'),
      status: 'returned',
    }),
  ];
  const asOf = vn('2026-04-01T00:00');
  const one = () => ({ key: 'all', label: { vi: 'Tổng', en: 'Total' } });

  it('should count received, resolved early/on time/late, in progress and closed dossiers of the period', () => {
    const { total } = bucketDossiers(march, '2026-03-01', '2026-03-31', asOf, calendar, one);
    expect(total.received).toEqual({ carriedOver: 1, newOnline: 1, newCounter: 4, total: 6 });
    expect(total.resolved).toEqual({ early: 1, onTime: 1, late: 1, total: 3 });
    expect(total.inProgress).toEqual({ withinTime: 1, overdue: 1, total: 2 });
    expect(total.rejected).toBe(1);
    expect(total.withdrawnOrStopped).toBe(1);
    expect(total.onlineShare).toBe(0.2);
    // working days from receipt to result: 4, 5 and 6
    expect(total.averageProcessingDays).toBe(5);
  });

  it('should count open overdue dossiers against the on-time rate', () => {
    const { total } = bucketDossiers(march, '2026-03-01', '2026-03-31', asOf, calendar, one);
    // (early + on time) / (resolved + open overdue) = 2 / 4
    expect(total.onTimeRate).toBe(0.5);
    const noOverdue = march.filter((d) => d.legalDueDate !== '2026-03-27');
    expect(bucketDossiers(noOverdue, '2026-03-01', '2026-03-31', asOf, calendar, one).total.onTimeRate).toBe(
      0.6667,
    );
  });

  it('should judge a dossier finished on its due date as on time and the day after as late, whatever the hour', () => {
    const { total } = bucketDossiers(
      [
        dossier({
          receivedAt: vn('2026-03-02T09:00'),
          legalDueDate: '2026-03-09',
          finishedAt: vn('2026-03-09T23:59'),
        }),
        dossier({
          receivedAt: vn('2026-03-02T09:00'),
          legalDueDate: '2026-03-09',
          finishedAt: vn('2026-03-10T00:01'),
        }),
      ],
      '2026-03-01',
      '2026-03-31',
      asOf,
      calendar,
      one,
    );
    expect(total.resolved).toMatchObject({ onTime: 1, late: 1 });
  });

  it('should group by procedure with the rows summing to the total', () => {
    const { rows, total } = bucketDossiers(march, '2026-03-01', '2026-03-31', asOf, calendar, (d) => ({
      key: d.procedureCode,
      label: d.procedureName,
    }));
    expect(rows.map((r) => r.key)).toEqual(['P1', 'P2']);
    expect(rows.reduce((n, r) => n + r.received.total, 0)).toBe(total.received.total);
    expect(rows[1]!.inProgress.withinTime).toBe(1);
  });

  it('should treat a dossier waiting for the applicant now as within time, not overdue', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(vn('2026-03-20T10:00'));
    const { total } = bucketDossiers(
      [
        dossier({
          receivedAt: vn('2026-03-02T09:00'),
          legalDueDate: '2026-03-09',
          status: 'appraisal_supplement',
        }),
      ],
      '2026-03-01',
      '2026-03-31',
      vn('2026-03-20T10:00'),
      calendar,
      one,
    );
    vi.useRealTimers();
    expect(total.inProgress).toEqual({ withinTime: 1, overdue: 0, total: 1 });
  });
});

describe('statistics and scorecard API', () => {
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
  const at = (iso: string) => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(iso));
  };

  it('should compute the buckets of a month from the dossiers and show open overdue ones on the scorecard', async () => {
    const p = await procedure(t, 'BQL-LD-02'); // 5 days: 3 + 1 + 1
    at('2026-05-04T09:00:00+07:00');
    let onTime = await receiveAtCounter(t, office.headers, p);
    const overdue = await receiveAtCounter(t, office.headers, p);
    onTime = (await post(t, office.headers, `/api/procedures/dossiers/${onTime.id}/transfer`)).json();
    await post(t, office.headers, `/api/procedures/dossiers/${overdue.id}/transfer`);
    at('2026-05-08T09:00:00+07:00');
    await post(t, leader.headers, `/api/procedures/dossiers/${onTime.id}/complete-step`);
    await post(t, leader.headers, `/api/procedures/dossiers/${onTime.id}/complete-step`);
    await post(t, leader.headers, `/api/procedures/dossiers/${onTime.id}/result`, { resultNumber: '1/XN' });
    const done = await post(t, leader.headers, `/api/procedures/dossiers/${onTime.id}/complete-step`);
    expect(done.json().status).toBe('result_ready');
    at('2026-05-20T09:00:00+07:00');
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/procedures/statistics?period=2026M05&groupBy=unit',
      headers: leader.headers,
    });
    expect(res.statusCode).toBe(200);
    const view = res.json();
    expect(view.period).toMatchObject({ id: '2026M05', start: '2026-05-01', end: '2026-05-31' });
    expect(view.asOf).toBe(new Date('2026-05-20T09:00:00+07:00').toISOString());
    expect(view.rows.map((r: { key: string }) => r.key)).toEqual(['labour']);
    expect(view.total.received).toMatchObject({ newCounter: 2, total: 2 });
    expect(view.total.resolved).toMatchObject({ early: 1, total: 1 });
    expect(view.total.inProgress).toMatchObject({ overdue: 1 });
    expect(view.total.onTimeRate).toBe(0.5);

    const card = await t.app.inject({
      method: 'GET',
      url: '/api/procedures/scorecard?period=2026M05',
      headers: leader.headers,
    });
    expect(card.statusCode).toBe(200);
    expect(card.json().units[0]).toMatchObject({
      unit: 'labour',
      received: 2,
      resolved: 1,
      overdueOpen: 1,
      onTimeRate: 0.5,
    });
    expect(card.json().overdueDossiers.map((d: { id: string }) => d.id)).toEqual([overdue.id]);
  });

  it('should refuse a malformed period', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/procedures/statistics?period=2026-05',
      headers: leader.headers,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0].field).toBe('query.period');
  });
});
