import { FormUpdateInput, type FormUpdateInput as FormUpdateInputType } from '@heza/shared/reporting';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Ctx } from '../../../platform/context.ts';
import { parseInput } from '../../../platform/http/validation.ts';
import { invalid } from '../../registry/commands/errors.ts';
import { assertAllowed } from '../access.ts';
import { loadCatalogue } from '../catalogue.ts';
import { getFormDef, presentForm } from '../forms.ts';
import { formIndicatorProblems, targetProblems, writeFormLinks } from './create-form.ts';

/**
 * Changes a form. Its code and period type stay (submissions refer to them). Values already submitted for an
 * indicator that leaves the form stay in analytics; a changed due day re-decides timeliness of past reports,
 * which the audit row records.
 */
export async function updateForm(ctx: Ctx, formId: string, input: FormUpdateInputType) {
  const v = parseInput(FormUpdateInput, input);
  assertAllowed(ctx, 'reporting.form.write');
  return ctx.db.transaction().execute(async (tx) => {
    const cat = await loadCatalogue(tx);
    const def = await getFormDef(tx, formId, cat);
    const before = presentForm(def);
    const f = def.form;
    const due = v.dueAfterDays ?? f.due_after_days;
    const lock = v.lockAfterDays ?? f.lock_after_days;
    // Re-check the due/lock pair with the stored half when only one of them changes.
    parseInput(FormUpdateInput, { dueAfterDays: due, lockAfterDays: lock });
    const problems = [];
    const activeAfter = v.active ?? f.active;
    const indicators = v.indicators ?? before.indicators;
    if (activeAfter) problems.push(...(await formIndicatorProblems(tx, cat, indicators, formId)));
    problems.push(...(await targetProblems(tx, v.targetZoneIds ?? [], v.enterpriseIds ?? [])));
    if (problems.length) throw invalid(problems);
    await tx
      .updateTable('report_forms')
      .set({
        ...(v.nameVi !== undefined && { name_vi: v.nameVi }),
        ...(v.nameEn !== undefined && { name_en: v.nameEn }),
        ...(v.descriptionVi !== undefined && { description_vi: v.descriptionVi }),
        due_after_days: due,
        lock_after_days: lock,
        ...(v.firstPeriod !== undefined && { first_period: v.firstPeriod }),
        ...(v.lastPeriod !== undefined && { last_period: v.lastPeriod }),
        ...(v.targetMode !== undefined && { target_mode: v.targetMode }),
        ...(v.targetZoneIds !== undefined && { target_zone_ids: v.targetZoneIds }),
        ...(v.targetInvestmentType !== undefined && { target_investment_type: v.targetInvestmentType }),
        ...(v.remindBeforeDays !== undefined && { remind_before_days: v.remindBeforeDays }),
        ...(v.remindAfterDays !== undefined && { remind_after_days: v.remindAfterDays }),
        ...(v.active !== undefined && { active: v.active }),
        updated_at: new Date(),
      })
      .where('id', '=', formId)
      .execute();
    await writeFormLinks(tx, cat, formId, v.indicators, v.enterpriseIds);
    const view = presentForm(await getFormDef(tx, formId, cat));
    await recordAudit(tx, ctx, {
      action: 'reporting.form.update',
      entityType: 'report_form',
      entityId: formId,
      before,
      after: view,
    });
    return view;
  });
}
