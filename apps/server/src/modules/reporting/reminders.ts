/**
 * Reminder e-mails for reports not yet submitted: so many days before each form's due day and so many days after
 * it (until the lock day), sent by a daily job (platform/jobs/queue.ts, job `reporting_reminders`), and on demand
 * by staff. Each mail is a `mail_send` job queued in the same transaction as the row recording the reminder, so a
 * reminder is never sent twice for the same day and kind, and the "still missing" list can show when it went out.
 */
import { bilingual, formatDateVi, type Period, periodId, periodLabel } from '@heza/shared';
import type { Db, Tx } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { type Ctx, systemCtx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { enqueueJob } from '../../platform/jobs/queue.ts';
import { assertAllowed } from './access.ts';
import { missingReports } from './completeness.ts';
import type { FormRow } from './forms.ts';
import { addDays, clock, dueDate, formPeriod, lockDate, startedPeriods } from './schedule.ts';

/** The e-mail of one reminder. */
function reminderMail(form: FormRow, p: Period, kind: string, today: string, status: string) {
  const due = dueDate(form, p);
  const lock = lockDate(form, p);
  const label = periodLabel(p, 'vi');
  const overdue = today > due;
  const subject = overdue
    ? `[HEZA] Quá hạn nộp báo cáo ${form.code} ${label} (hạn nộp ${formatDateVi(due)})`
    : `[HEZA] Nhắc nộp báo cáo ${form.code} ${label} — hạn nộp ${formatDateVi(due)}`;
  const state =
    status === 'returned'
      ? 'Báo cáo đã bị trả lại để chỉnh sửa và chưa được nộp lại.'
      : status === 'draft'
        ? 'Báo cáo mới được lưu nháp, chưa nộp.'
        : 'Ban Quản lý chưa nhận được báo cáo.';
  const text = [
    `Kính gửi Quý doanh nghiệp,`,
    '',
    `${state} Biểu mẫu: "${form.name_vi}", kỳ ${label}.`,
    overdue
      ? `Hạn nộp là ngày ${formatDateVi(due)}. Doanh nghiệp vẫn có thể nộp (muộn) đến hết ngày ${formatDateVi(lock)}; sau ngày đó số liệu bị khóa.`
      : `Hạn nộp: ngày ${formatDateVi(due)}. Số liệu khóa sau ngày ${formatDateVi(lock)}.`,
    '',
    'Vui lòng đăng nhập hệ thống HEZA để nộp báo cáo.',
    '',
    `(Reminder ${kind}: report ${form.code} for ${periodLabel(p, 'en')} is due on ${due}; entry locks after ${lock}.)`,
  ].join('\n');
  return { subject, text };
}

/**
 * Sends one round of reminders for a form and period to every enterprise still missing it (within the actor's
 * reach); `kind` says which round ('before:3', 'after:1', 'manual'). Returns how many enterprises and mails.
 */
async function remind(ctx: Ctx, form: FormRow, p: Period, kind: string, today: string) {
  const missing = await missingReports(
    ctx,
    { formId: form.id, periodId: periodId(p) },
    'reporting.reminder.send',
  );
  let enterprises = 0;
  let mails = 0;
  await ctx.db.transaction().execute(async (tx: Tx) => {
    for (const m of missing) {
      const to = [
        ...new Set([...m.userEmails, ...m.contacts.map((c) => c.email).filter((e): e is string => !!e)]),
      ];
      if (!to.length) continue;
      const recorded = await tx
        .insertInto('report_reminders')
        .values({
          form_id: form.id,
          period_id: periodId(p),
          enterprise_id: m.enterpriseId,
          kind,
          sent_on: today,
          recipients: to.length,
          sent_by: ctx.actor?.id ?? null,
        })
        .onConflict((oc) => oc.constraint('report_reminders_once').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!recorded) continue;
      const mail = reminderMail(form, p, kind, today, m.status);
      for (const address of to) await enqueueJob(tx, 'mail_send', { to: address, ...mail });
      enterprises += 1;
      mails += to.length;
    }
    if (enterprises) {
      await recordAudit(tx, ctx, {
        action: 'reporting.reminder.send',
        entityType: 'report_form',
        entityId: form.id,
        after: { periodId: periodId(p), kind, enterprises, mails },
      });
    }
  });
  return { periodId: periodId(p), enterprises, mails };
}

/** Staff: remind now every enterprise of their reach still missing a report for a period. */
export async function sendRemindersNow(ctx: Ctx, formId: string, period: string) {
  assertAllowed(ctx, 'reporting.reminder.send');
  const form = await ctx.db
    .selectFrom('report_forms')
    .selectAll()
    .where('id', '=', formId)
    .executeTakeFirst();
  if (!form) throw new AppError('NOT_FOUND', { params: { entity: { vi: 'biểu mẫu', en: 'Form' } } });
  const today = clock.today();
  const p = formPeriod(form, period, 'periodId', today);
  if (today > lockDate(form, p)) {
    throw new AppError('INVALID_STATE', {
      details: [
        {
          field: 'periodId',
          message: bilingual(
            'Kỳ này đã khóa số liệu: không nhắc nộp nữa.',
            'This period is locked: no more reminders.',
          ),
        },
      ],
    });
  }
  return remind(ctx, form, p, 'manual', today);
}

/**
 * The daily sweep: for every active form and every period whose due day is `remind_before_days` ahead or
 * `remind_after_days` behind today (and not locked yet), remind the enterprises still missing the report.
 */
export async function runScheduledReminders(db: Db, today = clock.today()) {
  const ctx = systemCtx(db, 'reporting-reminders');
  const forms = await db.selectFrom('report_forms').selectAll().where('active', '=', true).execute();
  const sent: { formId: string; periodId: string; kind: string; enterprises: number; mails: number }[] = [];
  for (const form of forms) {
    const maxBefore = Math.max(0, ...form.remind_before_days);
    for (const p of startedPeriods(form, addDays(today, -800), addDays(today, maxBefore))) {
      const due = dueDate(form, p);
      if (today > lockDate(form, p)) continue;
      const kinds = [
        ...form.remind_before_days.filter((k) => addDays(due, -k) === today).map((k) => `before:${k}`),
        ...form.remind_after_days.filter((k) => addDays(due, k) === today).map((k) => `after:${k}`),
      ];
      for (const kind of kinds) {
        const r = await remind(ctx, form, p, kind, today);
        sent.push({ formId: form.id, ...r, kind });
      }
    }
  }
  return sent;
}
