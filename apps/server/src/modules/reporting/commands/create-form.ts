import { bilingual } from '@heza/shared';
import { FormInput, type FormInput as FormInputType } from '@heza/shared/reporting';
import type { Tx } from '../../../db/client.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { FieldProblem } from '../../../platform/errors.ts';
import { parseInput } from '../../../platform/http/validation.ts';
import { duplicate, invalid } from '../../registry/commands/errors.ts';
import { assertAllowed } from '../access.ts';
import { type Catalogue, loadCatalogue } from '../catalogue.ts';
import { getFormDef, presentForm } from '../forms.ts';

type FormIndicatorList = { code: string; required: boolean; sectionVi: string | null }[];

/**
 * Checks a form's indicators: known, reported by enterprises, the weight of a weighted average on the same
 * form, and not collected by another active form (one indicator, one form: figures are never counted twice).
 */
export async function formIndicatorProblems(
  tx: Tx,
  cat: Catalogue,
  list: FormIndicatorList,
  formId: string | null,
): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  const codes = new Set(list.map((i) => i.code));
  const taken = await tx
    .selectFrom('report_form_indicators as l')
    .innerJoin('report_forms as f', 'f.id', 'l.form_id')
    .select(['l.indicator_id', 'f.code'])
    .where('f.active', '=', true)
    .where('f.id', '!=', formId ?? '00000000-0000-0000-0000-000000000000')
    .execute();
  const takenBy = new Map(taken.map((t) => [t.indicator_id, t.code]));
  const seen = new Set<string>();
  for (const [i, item] of list.entries()) {
    const field = `indicators.${i}.code`;
    const ind = cat.byCode.get(item.code);
    if (seen.has(item.code)) {
      problems.push({
        field,
        message: bilingual('Chỉ tiêu bị lặp trên biểu mẫu.', 'The indicator is listed twice.'),
      });
      continue;
    }
    seen.add(item.code);
    if (!ind?.active) {
      problems.push({
        field,
        message: bilingual(`Không có chỉ tiêu "${item.code}".`, `No indicator "${item.code}".`),
      });
      continue;
    }
    if (ind.source !== 'reported') {
      problems.push({
        field,
        message: bilingual(
          `${ind.nameVi} được tính tự động (từ công thức hoặc sổ đăng ký), không nhập trên biểu mẫu.`,
          `${ind.nameEn} is computed (by a formula or from the registry) and is not entered on forms.`,
        ),
      });
      continue;
    }
    const other = takenBy.get(ind.id);
    if (other) {
      problems.push({
        field,
        message: bilingual(
          `${ind.nameVi} đã được thu thập qua biểu mẫu ${other}; mỗi chỉ tiêu chỉ thuộc một biểu mẫu đang áp dụng để số liệu không bị cộng trùng.`,
          `${ind.nameEn} is already collected by form ${other}; an indicator belongs to one active form so figures are never counted twice.`,
        ),
      });
    }
    if (ind.weightIndicatorId !== null) {
      const weight = cat.byId.get(ind.weightIndicatorId);
      if (weight && !codes.has(weight.code)) {
        problems.push({
          field,
          message: bilingual(
            `${ind.nameVi} là bình quân gia quyền theo ${weight.nameVi}: đưa cả ${weight.nameVi} vào biểu mẫu.`,
            `${ind.nameEn} is weighted by ${weight.nameEn}: put ${weight.nameEn} on the form too.`,
          ),
        });
      }
    }
  }
  return problems;
}

/** Checks that listed zones and enterprises exist. */
export async function targetProblems(
  tx: Tx,
  zoneIds: string[],
  enterpriseIds: string[],
): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  if (zoneIds.length) {
    const found = new Set(
      (await tx.selectFrom('zones').select('id').where('id', 'in', zoneIds).execute()).map((z) => z.id),
    );
    for (const [i, id] of zoneIds.entries()) {
      if (!found.has(id))
        problems.push({
          field: `targetZoneIds.${i}`,
          message: bilingual('Không có khu này.', 'Unknown zone.'),
        });
    }
  }
  if (enterpriseIds.length) {
    const found = new Set(
      (await tx.selectFrom('enterprises').select('id').where('id', 'in', enterpriseIds).execute()).map(
        (e) => e.id,
      ),
    );
    for (const [i, id] of enterpriseIds.entries()) {
      if (!found.has(id))
        problems.push({
          field: `enterpriseIds.${i}`,
          message: bilingual('Không có doanh nghiệp này.', 'Unknown enterprise.'),
        });
    }
  }
  return problems;
}

/** Writes the indicator list and the listed enterprises of a form (replacing the previous ones). */
export async function writeFormLinks(
  tx: Tx,
  cat: Catalogue,
  formId: string,
  indicators?: FormIndicatorList,
  enterpriseIds?: string[],
) {
  if (indicators) {
    await tx.deleteFrom('report_form_indicators').where('form_id', '=', formId).execute();
    await tx
      .insertInto('report_form_indicators')
      .values(
        indicators.map((i, position) => ({
          form_id: formId,
          indicator_id: cat.byCode.get(i.code)!.id,
          position,
          required: i.required,
          section_vi: i.sectionVi,
        })),
      )
      .execute();
  }
  if (enterpriseIds) {
    await tx.deleteFrom('report_form_enterprises').where('form_id', '=', formId).execute();
    if (enterpriseIds.length) {
      await tx
        .insertInto('report_form_enterprises')
        .values([...new Set(enterpriseIds)].map((enterprise_id) => ({ form_id: formId, enterprise_id })))
        .execute();
    }
  }
}

/**
 * Creates a reporting form: its indicators, period type, due day and lock day (days after the period end),
 * who must report (zones and FDI/DDI, or a list of enterprises) and when reminders go out.
 */
export async function createForm(ctx: Ctx, input: FormInputType) {
  const v = parseInput(FormInput, input);
  assertAllowed(ctx, 'reporting.form.write');
  return ctx.db.transaction().execute(async (tx) => {
    const exists = await tx
      .selectFrom('report_forms')
      .select('id')
      .where('code', '=', v.code)
      .executeTakeFirst();
    if (exists)
      throw duplicate(
        'code',
        { vi: 'mã biểu mẫu', en: 'form code' },
        'Đã có biểu mẫu với mã này.',
        'A form with this code exists.',
      );
    const cat = await loadCatalogue(tx);
    const problems = [
      ...(v.active ? await formIndicatorProblems(tx, cat, v.indicators, null) : []),
      ...(await targetProblems(tx, v.targetZoneIds, v.enterpriseIds)),
    ];
    if (problems.length) throw invalid(problems);
    const row = await tx
      .insertInto('report_forms')
      .values({
        code: v.code,
        name_vi: v.nameVi,
        name_en: v.nameEn,
        description_vi: v.descriptionVi,
        period_type: v.periodType,
        due_after_days: v.dueAfterDays,
        lock_after_days: v.lockAfterDays,
        first_period: v.firstPeriod,
        last_period: v.lastPeriod ?? null,
        target_mode: v.targetMode,
        target_zone_ids: v.targetZoneIds,
        target_investment_type: v.targetInvestmentType ?? null,
        remind_before_days: v.remindBeforeDays,
        remind_after_days: v.remindAfterDays,
        active: v.active,
        created_by: ctx.actor?.id ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeFormLinks(tx, cat, row.id, v.indicators, v.enterpriseIds);
    const view = presentForm(await getFormDef(tx, row.id, cat));
    await recordAudit(tx, ctx, {
      action: 'reporting.form.create',
      entityType: 'report_form',
      entityId: row.id,
      after: view,
    });
    return view;
  });
}
