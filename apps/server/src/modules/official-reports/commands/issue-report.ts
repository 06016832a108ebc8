import { createHash } from 'node:crypto';
import { bilingual } from '@heza/shared';
import {
  type ReportContent,
  WorkflowInput,
  type WorkflowInput as WorkflowInputType,
} from '@heza/shared/official-reports';
import { todayVn } from '@heza/shared/registry';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { authorize } from '../../../platform/auth/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError, validationError } from '../../../platform/errors.ts';
import { parseInput } from '../../../platform/http/validation.ts';
import { composeDocument } from '../compose.ts';
import { checkConsistency } from '../consistency.ts';
import { renderDocx } from '../document/docx.ts';
import { computeFigures } from '../figures/compute.ts';
import { takeOutgoingNumber } from '../numbering.ts';
import { getReport } from '../queries.ts';
import { assertTransition, lockReport } from '../rules.ts';

/**
 * Issues an approved report: recomputes its figures and freezes them, refuses when a figure is missing (with
 * the list) or when hand-typed numbers contradict the figures and the issuer has not acknowledged it, takes
 * the next number of the issuing agency's yearly outgoing-document register, and stores the composed
 * document and its DOCX. From then on the report never changes (a database trigger enforces it); a correction
 * is a new report. Issuing twice gives one number: the second call finds the report issued.
 */
export async function issueReport(ctx: Ctx, id: string, input: WorkflowInputType) {
  authorize(ctx.actor, 'official_reports.report.issue');
  const v = parseInput(WorkflowInput, input);
  const today = todayVn();
  const issuedDate = v.issuedDate ?? today;
  if (issuedDate > today) {
    throw validationError([
      {
        field: 'issuedDate',
        message: bilingual(
          'Ngày ban hành không được sau hôm nay.',
          'The issue date cannot be in the future.',
        ),
      },
    ]);
  }
  await ctx.db.transaction().execute(async (tx) => {
    const before = await lockReport(tx, id, v.version);
    assertTransition(before.status, 'issue');
    const content = before.content as ReportContent;
    const figures = await computeFigures(tx, { periodId: before.period_id, asOf: before.data_as_of });
    const draft = composeDocument(content, { periodId: before.period_id, figures, issued: null, today });
    if (draft.missing.length) {
      throw validationError(
        draft.missing.map((m) => ({
          field: `figures.${m.key}`,
          message: bilingual(
            `Thiếu số liệu "${m.label}" (khối ${m.itemId}).`,
            `Figure "${m.key}" is missing (block ${m.itemId}).`,
          ),
        })),
      );
    }
    const findings = checkConsistency(content, figures);
    if (findings.length && !v.acknowledgeConsistency) {
      throw new AppError('INVALID_STATE', {
        details: findings.map((f) => ({
          field: `content.${f.itemId}.${f.paragraph}`,
          message: bilingual(
            `Số "${f.typed}" khác số liệu tính được (${f.figureLabel}: ${f.computed}).`,
            `"${f.typed}" contradicts the computed figure (${f.figure}: ${f.computed}).`,
          ),
        })),
      });
    }
    const header = content.header;
    const taken = await takeOutgoingNumber(tx, {
      sequenceKey: header.sequenceKey,
      code: header.numberCode,
      date: issuedDate,
      subject: before.title,
      sourceType: 'official_report',
      sourceId: id,
      actorId: ctx.actor?.id ?? null,
    });
    const { doc } = composeDocument(content, {
      periodId: before.period_id,
      figures,
      issued: { number: taken.number, date: issuedDate },
      today,
    });
    const docx = await renderDocx(doc);
    const sha256 = createHash('sha256').update(docx).digest('hex');
    const now = new Date();
    await tx
      .updateTable('official_reports')
      .set({
        status: 'issued',
        frozen_figures: JSON.stringify(figures),
        document: JSON.stringify(doc),
        docx,
        docx_sha256: sha256,
        outgoing_document_id: taken.id,
        number: taken.number,
        number_text: taken.numberText,
        issued_date: issuedDate,
        issued_at: now,
        issued_by: ctx.actor?.id ?? null,
        version: before.version + 1,
        updated_at: now,
      })
      .where('id', '=', id)
      .execute();
    await recordAudit(tx, ctx, {
      action: 'official_reports.report.issue',
      entityType: 'official_report',
      entityId: id,
      before: { status: before.status, version: before.version },
      after: {
        status: 'issued',
        version: before.version + 1,
        numberText: taken.numberText,
        issuedDate,
        docxSha256: sha256,
        knownAt: figures.knownAt,
        acknowledgedFindings: findings.length,
      },
    });
  });
  return getReport(ctx, id);
}
