import { bilingual, type ProcedureVersionInput, type ProcedureView } from '@heza/shared';
import { addCalendarDays } from '@heza/shared/calendar/index';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { getProcedureById } from '../catalogue.ts';

/**
 * Adds a procedure to the catalogue, or a new version of one: the open version is closed the day before
 * `effectiveFrom`, so versions never overlap and dossiers keep the version they were received under.
 */
export async function createProcedureVersion(ctx: Ctx, input: ProcedureVersionInput): Promise<ProcedureView> {
  return ctx.db.transaction().execute(async (tx) => {
    const versions = await tx
      .selectFrom('procedures')
      .select(['id', 'version', 'effective_from', 'effective_to'])
      .where('code', '=', input.code)
      .orderBy('version', 'desc')
      .forUpdate()
      .execute();
    const latest = versions[0];
    if (latest && input.effectiveFrom <= latest.effective_from) {
      throw new AppError('VALIDATION_FAILED', {
        details: [
          {
            field: 'effectiveFrom',
            message: bilingual(
              `Phiên bản mới phải có hiệu lực sau ngày ${latest.effective_from} (phiên bản ${latest.version}).`,
              `The new version must take effect after ${latest.effective_from} (version ${latest.version}).`,
            ),
          },
        ],
      });
    }
    const office = await tx
      .selectFrom('one_stop_offices')
      .select('code')
      .where('is_default', '=', true)
      .executeTakeFirst();
    if (!office) throw new AppError('INVALID_STATE', { params: { reason: 'no default one-stop office' } });
    if (latest && (latest.effective_to === null || latest.effective_to >= input.effectiveFrom)) {
      await tx
        .updateTable('procedures')
        .set({ effective_to: addCalendarDays(input.effectiveFrom, -1) })
        .where('id', '=', latest.id)
        .execute();
    }
    const row = await tx
      .insertInto('procedures')
      .values({
        code: input.code,
        version: (latest?.version ?? 0) + 1,
        effective_from: input.effectiveFrom,
        name_vi: input.nameVi,
        name_en: input.nameEn,
        field_code: input.fieldCode,
        field_vi: input.fieldVi,
        field_en: input.fieldEn,
        office_code: office.code,
        lead_unit: input.leadUnit,
        time_limit_days: input.timeLimitDays,
        cutoff: input.cutoff,
        online_level: input.onlineLevel,
        supplement_clock: input.supplementClock,
        result_vi: input.resultVi,
        result_en: input.resultEn,
        legal_basis: input.legalBasis,
        note: input.note ?? null,
        created_by: ctx.actor?.id ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('procedure_documents')
      .values(
        input.documents.map((d, position) => ({
          procedure_id: row.id,
          position,
          key: d.key,
          name_vi: d.nameVi,
          name_en: d.nameEn,
          originals: d.originals,
          copies: d.copies,
          required: d.required,
        })),
      )
      .execute();
    await tx
      .insertInto('procedure_steps')
      .values(
        input.steps.map((s, position) => ({
          procedure_id: row.id,
          position,
          key: s.key,
          name_vi: s.nameVi,
          name_en: s.nameEn,
          unit: s.unit,
          role: s.role,
          days: s.days,
        })),
      )
      .execute();
    if (input.fees.length) {
      await tx
        .insertInto('procedure_fees')
        .values(
          input.fees.map((f, position) => ({
            procedure_id: row.id,
            position,
            name_vi: f.nameVi,
            name_en: f.nameEn,
            amount_vnd: f.amountVnd,
            note_vi: f.noteVi,
            note_en: f.noteEn,
          })),
        )
        .execute();
    }
    const view = await getProcedureById(tx, row.id);
    await recordAudit(tx, ctx, {
      action: 'procedures.catalogue.create_version',
      entityType: 'procedure',
      entityId: row.id,
      before: latest ?? null,
      after: view,
    });
    return view;
  });
}
