import { bilingual, parsePeriod, periodLabel } from '@heza/shared';
import { ReturnInput } from '@heza/shared/reporting';
import type { z } from 'zod';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { parseInput } from '../../../platform/http/validation.ts';
import { enqueueJob } from '../../../platform/jobs/queue.ts';
import { assertEnterpriseAccess } from '../access.ts';
import { REPORT_ENTITY } from '../entries.ts';
import { clock } from '../schedule.ts';

async function loadForReview(ctx: Ctx, submissionId: string) {
  const row = await ctx.db
    .selectFrom('report_submissions as s')
    .innerJoin('report_forms as f', 'f.id', 's.form_id')
    .select([
      's.id',
      's.status',
      's.enterprise_id',
      's.period_id',
      's.version',
      'f.code as form_code',
      'f.name_vi as form_name',
    ])
    .where('s.id', '=', submissionId)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', { params: { entity: REPORT_ENTITY } });
  await assertEnterpriseAccess(ctx, 'reporting.submission.review', row.enterprise_id);
  return row;
}

function wrongState(vi: string, en: string) {
  return new AppError('INVALID_STATE', { details: [{ field: 'status', message: bilingual(vi, en) }] });
}

/** Accepts a submitted report (the reviewer found nothing to correct). */
export async function acceptReport(ctx: Ctx, submissionId: string) {
  const row = await loadForReview(ctx, submissionId);
  if (row.status !== 'submitted') {
    throw wrongState(
      'Chỉ báo cáo đã nộp, đang chờ xem xét mới được tiếp nhận.',
      'Only a submitted report waiting for review can be accepted.',
    );
  }
  return ctx.db.transaction().execute(async (tx) => {
    const now = clock.now();
    const updated = await tx
      .updateTable('report_submissions')
      .set({
        status: 'accepted',
        reviewed_at: now,
        reviewed_by: ctx.actor?.id ?? null,
        version: row.version + 1,
        updated_at: now,
      })
      .where('id', '=', row.id)
      .where('version', '=', row.version)
      .returning(['id', 'status', 'version'])
      .executeTakeFirst();
    if (!updated) throw new AppError('CONFLICT', { params: { field: { vi: 'phiên bản', en: 'version' } } });
    await recordAudit(tx, ctx, {
      action: 'reporting.report.accept',
      entityType: 'report_submission',
      entityId: row.id,
      before: { status: row.status },
      after: { status: 'accepted' },
    });
    return { submissionId: row.id, status: 'accepted' as const, version: updated.version };
  });
}

/**
 * Returns a report to the enterprise for correction with the reviewer's comment. The submitted values stay
 * (in the report and in analytics) until the enterprise corrects and submits again; the enterprise's users
 * are told by e-mail, queued in the same transaction.
 */
export async function returnReport(ctx: Ctx, submissionId: string, input: z.input<typeof ReturnInput>) {
  const v = parseInput(ReturnInput, input);
  const row = await loadForReview(ctx, submissionId);
  if (row.status !== 'submitted' && row.status !== 'accepted') {
    throw wrongState('Chỉ trả lại được báo cáo đã nộp.', 'Only a submitted report can be returned.');
  }
  return ctx.db.transaction().execute(async (tx) => {
    const now = clock.now();
    const updated = await tx
      .updateTable('report_submissions')
      .set({
        status: 'returned',
        review_comment: v.comment,
        reviewed_at: now,
        reviewed_by: ctx.actor?.id ?? null,
        version: row.version + 1,
        updated_at: now,
      })
      .where('id', '=', row.id)
      .where('version', '=', row.version)
      .returning(['id', 'status', 'version'])
      .executeTakeFirst();
    if (!updated) throw new AppError('CONFLICT', { params: { field: { vi: 'phiên bản', en: 'version' } } });
    const users = await tx
      .selectFrom('users')
      .select('email')
      .where('enterprise_id', '=', row.enterprise_id)
      .where('active', '=', true)
      .execute();
    const label = periodLabel(parsePeriod(row.period_id), 'vi');
    for (const u of users) {
      await enqueueJob(tx, 'mail_send', {
        to: u.email,
        subject: `[HEZA] Báo cáo ${row.form_code} ${label} cần chỉnh sửa`,
        text: `Ban Quản lý đã trả lại báo cáo "${row.form_name}" kỳ ${label} để chỉnh sửa.\n\nNội dung cần sửa: ${v.comment}\n\nSố liệu đã nộp được giữ nguyên; vui lòng đăng nhập, sửa và nộp lại.`,
      });
    }
    await recordAudit(tx, ctx, {
      action: 'reporting.report.return',
      entityType: 'report_submission',
      entityId: row.id,
      before: { status: row.status },
      after: { status: 'returned', comment: v.comment },
    });
    return { submissionId: row.id, status: 'returned' as const, version: updated.version };
  });
}
