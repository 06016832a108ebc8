import { bilingual, toIsoDateVn } from '@heza/shared';
import { sql } from 'kysely';
import type { Tx } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { getCalendar } from '../calendar/service.ts';
import { newTrackingSecret } from '../procedures/code.ts';
import type { Outbox } from '../procedures/notifications.ts';
import { now } from '../procedures/time.ts';
import { logFeedbackEvent } from './access.ts';
import type { FeedbackItemTable } from './schema.ts';

/** The feedback code: PAKN-YYMMDD-XXXX, a daily sequence taken like the dossier codes. */
export async function nextFeedbackCode(tx: Tx, at: Date): Promise<string> {
  const day = toIsoDateVn(at);
  const row = await sql<{ last_value: number }>`
    insert into feedback_sequences (day, last_value) values (${day}, 1)
    on conflict (day) do update set last_value = feedback_sequences.last_value + 1
    returning last_value`.execute(tx);
  return `PAKN-${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}-${String(row.rows[0]!.last_value).padStart(4, '0')}`;
}

/** The response date: `days` working days after the deemed receipt date (no cut-off for feedback). */
export async function responseWindow(ctx: Ctx, tx: Tx, at: Date, days: number) {
  const calendar = await getCalendar(ctx.db, tx);
  const countingFrom = calendar.receivedOn(at.toISOString(), { cutoff: null });
  return { countingFrom, dueDate: calendar.addWorkingDays(countingFrom, days) };
}

/** Texts sent to requesters, Vietnamese with an English line. */
export function requesterText(
  milestone: 'received' | 'answered' | 'reopened',
  f: { code: string; tracking_secret: string; subject: string; due_date: string; answer: string | null },
  publicUrl: string,
): { subject: string; text: string } {
  const titles = {
    received: ['Đã tiếp nhận phản ánh, kiến nghị', 'Feedback received'],
    answered: ['Trả lời phản ánh, kiến nghị', 'Answer to your feedback'],
    reopened: ['Phản ánh, kiến nghị được xem xét lại', 'Feedback reopened'],
  }[milestone];
  const lines = [
    `${titles[0]} / ${titles[1]}`,
    '',
    `Mã (code): ${f.code}`,
    `Mã tra cứu (lookup key): ${f.tracking_secret}`,
    `Tiêu đề (subject): ${f.subject}`,
  ];
  if (milestone !== 'answered') lines.push(`Hạn trả lời (answer due): ${f.due_date}`);
  if (milestone === 'answered' && f.answer) lines.push('', f.answer);
  if (publicUrl)
    lines.push(
      '',
      `Tra cứu (track): ${publicUrl}/api/public/feedback/track?code=${encodeURIComponent(f.code)}`,
    );
  lines.push('', 'Ban Quản lý Khu kinh tế. Thư tự động, vui lòng không trả lời.');
  return { subject: `[${f.code}] ${titles[0]} / ${titles[1]}`, text: lines.join('\n') };
}

/** Checks the category and the procedure code of a submission; returns the category. */
export async function checkReferences(
  tx: Tx,
  categoryCode: string,
  procedureCode: string | null | undefined,
) {
  const category = await tx
    .selectFrom('feedback_categories')
    .selectAll()
    .where('code', '=', categoryCode)
    .where('active', '=', true)
    .executeTakeFirst();
  const problems = [];
  if (!category) {
    problems.push({
      field: 'categoryCode',
      message: bilingual('Lĩnh vực không hợp lệ.', 'Unknown category.'),
    });
  }
  if (procedureCode) {
    const p = await tx
      .selectFrom('procedures')
      .select('id')
      .where('code', '=', procedureCode)
      .executeTakeFirst();
    if (!p)
      problems.push({
        field: 'procedureCode',
        message: bilingual('Không có thủ tục này.', 'Unknown procedure.'),
      });
  }
  if (problems.length) throw new AppError('VALIDATION_FAILED', { details: problems });
  return category!;
}

/** Creates an item inside the transaction: code, secret, routing by category, response date, log, audit, notice. */
export async function createFeedbackInTx(
  tx: Tx,
  ctx: Ctx,
  outbox: Outbox,
  publicUrl: string,
  values: Omit<
    FeedbackItemTable,
    | 'id'
    | 'code'
    | 'unit'
    | 'status'
    | 'tracking_secret'
    | 'received_at'
    | 'counting_from'
    | 'due_date'
    | 'assignee_id'
    | 'answer'
    | 'answered_at'
    | 'answered_by'
    | 'is_public'
    | 'public_question'
    | 'published_at'
    | 'rating'
    | 'rating_comment'
    | 'rated_at'
    | 'reopen_count'
    | 'closed_at'
    | 'is_demo'
    | 'created_at'
    | 'updated_at'
  >,
) {
  const category = await checkReferences(tx, values.category_code, values.procedure_code);
  const at = now();
  const window = await responseWindow(ctx, tx, at, category.response_days);
  const f = await tx
    .insertInto('feedback_items')
    .values({
      ...values,
      code: await nextFeedbackCode(tx, at),
      unit: category.unit,
      status: 'received',
      tracking_secret: newTrackingSecret(),
      received_at: at,
      counting_from: window.countingFrom,
      due_date: window.dueDate,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await logFeedbackEvent(tx, ctx.actor, f.id, { event: 'receive', at, toStatus: 'received', toUnit: f.unit });
  await recordAudit(tx, ctx, {
    action: 'feedback.item.create',
    entityType: 'feedback',
    entityId: f.id,
    after: { code: f.code, unit: f.unit, dueDate: f.due_date },
  });
  const m = requesterText('received', f, publicUrl);
  await outbox.notify(
    tx,
    'feedback',
    'received',
    m.subject,
    m.text,
    { email: f.requester_email, phone: f.requester_phone },
    f.id,
  );
  return f;
}
