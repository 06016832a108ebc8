import { bilingual, type PeriodType, parsePeriod } from '@heza/shared';
import {
  checkContent,
  REPORT_TRANSITIONS,
  type ReportContent,
  type ReportStatus,
  type ReportTransition,
} from '@heza/shared/official-reports';
import type { Tx } from '../../db/client.ts';
import { AppError, notFound, validationError } from '../../platform/errors.ts';

/** Refuses content whose slots name unknown figures or that repeats a block id (each problem names its slot). */
export function assertValidContent(content: ReportContent, prefix = 'content'): void {
  const problems = checkContent(content);
  if (problems.length) {
    throw validationError(
      problems.map((p) => ({ field: p.field.replace(/^content/, prefix), message: bilingual(p.vi, p.en) })),
    );
  }
}

/** Refuses a period of a type the template does not cover. */
export function assertPeriodAllowed(periodId: string, periodTypes: readonly string[]): void {
  const type: PeriodType = parsePeriod(periodId).type;
  if (!periodTypes.includes(type)) {
    throw validationError([
      {
        field: 'periodId',
        message: bilingual(
          `Mẫu này không dùng cho loại kỳ "${type}" (được: ${periodTypes.join(', ')}).`,
          `This template does not cover "${type}" periods (allowed: ${periodTypes.join(', ')}).`,
        ),
      },
    ]);
  }
}

/** Locks a report row for a change, checking the version the caller edited. */
export async function lockReport(tx: Tx, id: string, version: number) {
  const row = await tx
    .selectFrom('official_reports')
    .select([
      'id',
      'status',
      'version',
      'period_id',
      'data_as_of',
      'content',
      'template_id',
      'title',
      'number_text',
    ])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound({ vi: 'báo cáo', en: 'report' });
  if (row.version !== version) {
    throw new AppError('CONFLICT', {
      params: { field: { vi: 'phiên bản', en: 'version' } },
      details: [
        {
          field: 'version',
          message: bilingual(
            'Báo cáo vừa được người khác thay đổi; tải lại để xem bản mới nhất.',
            'Someone else changed the report meanwhile; reload to see the latest version.',
          ),
        },
      ],
    });
  }
  return row;
}

/** Refuses a workflow step from a status it does not start from (an issued report is never edited). */
export function assertTransition(status: string, step: ReportTransition | 'edit'): void {
  const from: readonly ReportStatus[] = step === 'edit' ? ['draft'] : REPORT_TRANSITIONS[step].from;
  if (!from.includes(status as ReportStatus)) {
    throw new AppError('INVALID_STATE', {
      details: [
        {
          field: 'status',
          message:
            status === 'issued' || status === 'published'
              ? bilingual(
                  'Báo cáo đã ban hành không sửa được; hãy tạo báo cáo đính chính.',
                  'An issued report cannot be changed; create a correction.',
                )
              : bilingual(
                  `Không thể thực hiện ở trạng thái "${status}".`,
                  `Not allowed in status "${status}".`,
                ),
        },
      ],
    });
  }
}
