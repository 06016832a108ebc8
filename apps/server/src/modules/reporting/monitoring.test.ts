import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { signIn } from '../../../test/factories.ts';
import { buildTestApp, type TestApp } from '../../../test/harness.ts';
import { decodeQuotedPrintable, startSmtpServer } from '../../../test/smtp.ts';
import { systemCtx } from '../../platform/context.ts';
import { enqueueJob } from '../../platform/jobs/queue.ts';
import { createMailer } from '../../platform/mail/mailer.ts';
import { submitReport } from './commands/submit-report.ts';
import { runScheduledReminders } from './reminders.ts';
import { clock } from './schedule.ts';
import { createMonthlyForm, fullValues, insertEnterprise, insertUser, insertZone } from './testing.ts';

let t: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let form: { id: string; code: string };
let ez: { id: string };
let parkA: { id: string };
let parkB: { id: string };
const ents: Record<string, { id: string }> = {};
const emails: Record<string, string> = {};
let admin: Record<string, string>;

/** Sets the clock to a day (08:00 in Vietnam). */
function at(day: string) {
  vi.spyOn(clock, 'today').mockReturnValue(day);
  vi.spyOn(clock, 'now').mockReturnValue(new Date(`${day}T01:00:00Z`));
}

async function submit(name: string, period: string, day: string) {
  at(day);
  await submitReport(
    systemCtx(t.db, 'test'),
    { formId: form.id, enterpriseId: ents[name]!.id, periodId: period },
    { values: fullValues() },
  );
  vi.restoreAllMocks();
}

beforeAll(async () => {
  smtp = await startSmtpServer();
  const mailer = createMailer({ smtpUrl: smtp.url, from: 'HEZA <no-reply@heza.test>', log: () => {} });
  t = await buildTestApp({ worker: true, mailer });
  ez = await insertZone(t.db, 'KKT Giám sát', { kind: 'economic_zone' });
  parkA = await insertZone(t.db, 'KCN Giám sát A', { parentId: ez.id });
  parkB = await insertZone(t.db, 'KCN Giám sát B');
  form = await createMonthlyForm(t.db, {
    firstPeriod: '2026M01',
    remindBeforeDays: [3],
    remindAfterDays: [1],
  });
  for (const [name, zone, ownership] of [
    ['early', parkA, 'fdi'],
    ['late', parkA, 'fdi'],
    ['silent', parkA, 'domestic'],
    ['drafter', parkB, 'domestic'],
  ] as const) {
    ents[name] = await insertEnterprise(t.db, `Công ty ${name}`, zone.id, { ownership });
    const u = await insertUser(t.db, 'enterprise', { enterpriseId: ents[name]!.id });
    emails[name] = u.email;
  }
  admin = await signIn(t.app, (await insertUser(t.db, 'admin')).email);
  // 2026M09 (due 2026-10-10): early on time, late after the due day, silent never, drafter only a draft.
  await submit('early', '2026M09', '2026-10-05');
  await submit('late', '2026M09', '2026-10-15');
  at('2026-10-08');
  await t.app.inject({
    method: 'PUT',
    url: `/api/reporting/forms/${form.id}/reports/${ents.drafter!.id}/2026M09/draft`,
    payload: { values: [{ indicator: 'revenue', value: '1', estimate: false }] },
    headers: admin,
  });
  vi.restoreAllMocks();
}, 60_000);
afterAll(async () => {
  await t.close();
  await smtp.close();
});
afterEach(() => vi.restoreAllMocks());

describe('completeness and timeliness', () => {
  it('should count expected, submitted, on time, late, drafts and missing by zone with parents rolled up', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/reporting/completeness?formId=${form.id}&periods=2026M09&groupBy=zone`,
      headers: admin,
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.total).toMatchObject({
      expected: 4,
      submitted: 2,
      onTime: 1,
      late: 1,
      drafts: 1,
      missing: 2,
      completenessPct: 50,
      timelinessPct: 25,
    });
    const row = (id: string) => body.rows.find((r: { key: string }) => r.key === id);
    expect(row(parkA.id)).toMatchObject({ expected: 3, submitted: 2, missing: 1 });
    expect(row(ez.id)).toMatchObject({ expected: 3, submitted: 2, parentKey: null });
    expect(row(parkB.id)).toMatchObject({ expected: 1, drafts: 1, missing: 1 });
  });

  it('should group by period across several periods', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/reporting/completeness?formId=${form.id}&periods=2026M08,2026M09&groupBy=period`,
      headers: admin,
    });
    const rows = res.json().rows as { key: string; submitted: number; expected: number }[];
    expect(rows.map((r) => [r.key, r.submitted, r.expected])).toEqual([
      ['2026M08', 0, 4],
      ['2026M09', 2, 4],
    ]);
  });

  it('should list the enterprises still missing with their contacts and users', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/reporting/completeness/missing?formId=${form.id}&periodId=2026M09`,
      headers: admin,
    });
    const items = res.json().items as {
      nameVi: string;
      status: string;
      userEmails: string[];
      contacts: { phone: string }[];
    }[];
    expect(items.map((i) => [i.nameVi, i.status])).toEqual([
      ['Công ty drafter', 'draft'],
      ['Công ty silent', 'none'],
    ]);
    expect(items[1]!.userEmails).toEqual([emails.silent]);
    expect(items[1]!.contacts[0]!.phone).toBe('0900000000');
  });

  it("should narrow completeness to a staff member's zones", async () => {
    const staff = await signIn(t.app, (await insertUser(t.db, 'staff', { zoneIds: [parkB.id] })).email);
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/reporting/completeness?formId=${form.id}&periods=2026M09&groupBy=investmentType`,
      headers: staff,
    });
    expect(res.json().total).toMatchObject({ expected: 1, drafts: 1 });
  });

  it('should refuse periods of another type than the form', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/reporting/completeness?formId=${form.id}&periods=2026Q3`,
      headers: admin,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0].field).toBe('query.periods');
  });
});

describe('reminders through the job queue and real SMTP', () => {
  const mailsTo = (address: string) => smtp.mails.filter((m) => m.to.includes(address));

  it('should remind those still missing 3 days before the due day, and nobody twice', async () => {
    // 2026M10 is due on 2026-11-10; on 2026-11-07 nobody has reported it yet except "early".
    await submit('early', '2026M10', '2026-11-02');
    at('2026-11-07');
    const sent = await runScheduledReminders(t.db, '2026-11-07');
    expect(sent.find((s) => s.periodId === '2026M10')).toMatchObject({ kind: 'before:3', enterprises: 3 });
    await expect.poll(() => mailsTo(emails.silent!).length, { timeout: 10_000 }).toBe(1);
    await expect.poll(() => mailsTo(emails.late!).length, { timeout: 10_000 }).toBe(1);
    expect(mailsTo(emails.early!)).toHaveLength(0);
    const mail = decodeQuotedPrintable(mailsTo(emails.silent!)[0]!.raw);
    expect(mail).toContain('10/11/2026');
    expect(mail).toContain(form.code);
    // The same day again: already sent.
    const again = await runScheduledReminders(t.db, '2026-11-07');
    expect(again.find((s) => s.periodId === '2026M10')?.enterprises).toBe(0);
  });

  it('should send an overdue reminder the day after the due day through the daily job', async () => {
    await submit('late', '2026M10', '2026-11-09');
    const before = mailsTo(emails.silent!).length;
    at('2026-11-11');
    await enqueueJob(t.db, 'reporting_reminders', { date: '2026-11-11' });
    await expect.poll(() => mailsTo(emails.silent!).length, { timeout: 15_000 }).toBe(before + 1);
    // The body is UTF-8 sent quoted-printable: decode the bytes, then read them as UTF-8.
    const last = Buffer.from(decodeQuotedPrintable(mailsTo(emails.silent!).at(-1)!.raw), 'latin1').toString(
      'utf8',
    );
    expect(last).toContain(
      'Hạn nộp là ngày 10/11/2026. Doanh nghiệp vẫn có thể nộp (muộn) đến hết ngày 10/12/2026',
    );
    expect(last).toContain('Reminder after:1');
    expect(mailsTo(emails.late!)).toHaveLength(1);
  });

  it('should let staff send reminders now and record them', async () => {
    at('2026-11-12');
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/reporting/forms/${form.id}/reminders`,
      payload: { periodId: '2026M10' },
      headers: admin,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ periodId: '2026M10', enterprises: 2 });
    const rows = await t.db
      .selectFrom('report_reminders')
      .select(['kind', 'sent_on'])
      .where('kind', '=', 'manual')
      .execute();
    expect(rows).toHaveLength(2);
  });

  it('should refuse reminders for a locked period', async () => {
    at('2026-11-20');
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/reporting/forms/${form.id}/reminders`,
      payload: { periodId: '2026M09' },
      headers: admin,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().details[0].field).toBe('periodId');
  });
});
