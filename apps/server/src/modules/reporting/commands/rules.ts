import { bilingual } from '@heza/shared';
import {
  RuleInput,
  type RuleInput as RuleInputType,
  RuleUpdateInput,
  type RuleUpdateInput as RuleUpdateInputType,
} from '@heza/shared/reporting';
import { expressionRefs, parseExpression } from '@heza/shared/reporting-rules';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError, type FieldProblem } from '../../../platform/errors.ts';
import { parseInput } from '../../../platform/http/validation.ts';
import { duplicate, invalid } from '../../registry/commands/errors.ts';
import { assertAllowed } from '../access.ts';
import { combosOf } from '../catalogue.ts';
import { type FormDef, getFormDef, presentRule } from '../forms.ts';

/** Every indicator (and breakdown part) an expression names must be entered on the form. */
function refProblems(def: FormDef, v: { leftExpr?: string; rightExpr?: string }): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const onForm = new Map(def.indicators.map((i) => [i.code, i]));
  for (const field of ['leftExpr', 'rightExpr'] as const) {
    const text = v[field];
    if (!text) continue;
    for (const ref of expressionRefs(parseExpression(text))) {
      const ind = onForm.get(ref.indicator);
      if (!ind || (ref.combo && !combosOf(ind).includes(ref.combo))) {
        problems.push({
          field,
          message: bilingual(
            `"${ref.indicator}${ref.combo ? `[${ref.combo}]` : ''}" không phải chỉ tiêu (hoặc phần chi tiết) trên biểu mẫu.`,
            `"${ref.indicator}${ref.combo ? `[${ref.combo}]` : ''}" is not an indicator (or breakdown part) on the form.`,
          ),
        });
      }
    }
  }
  return problems;
}

/** Adds a validation rule to a form (administrators). */
export async function createRule(ctx: Ctx, formId: string, input: RuleInputType) {
  const v = parseInput(RuleInput, input);
  assertAllowed(ctx, 'reporting.form.write');
  return ctx.db.transaction().execute(async (tx) => {
    const def = await getFormDef(tx, formId);
    if (def.rules.some((r) => r.code === v.code)) {
      throw duplicate(
        'code',
        { vi: 'mã quy tắc', en: 'rule code' },
        'Biểu mẫu đã có quy tắc với mã này.',
        'The form has a rule with this code.',
      );
    }
    const problems = refProblems(def, v);
    if (problems.length) throw invalid(problems);
    const row = await tx
      .insertInto('validation_rules')
      .values({
        form_id: formId,
        code: v.code,
        left_expr: v.leftExpr,
        operator: v.operator,
        right_expr: v.rightExpr,
        ratio_min: v.ratioMin ?? null,
        ratio_max: v.ratioMax ?? null,
        severity: v.severity,
        message_vi: v.messageVi,
        message_en: v.messageEn,
        position: v.position,
        active: v.active,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const view = presentRule(row);
    await recordAudit(tx, ctx, {
      action: 'reporting.rule.create',
      entityType: 'validation_rule',
      entityId: row.id,
      after: view,
    });
    return view;
  });
}

/** Changes a validation rule (its code stays). */
export async function updateRule(ctx: Ctx, ruleId: string, input: RuleUpdateInputType) {
  const v = parseInput(RuleUpdateInput, input);
  assertAllowed(ctx, 'reporting.form.write');
  return ctx.db.transaction().execute(async (tx) => {
    const current = await tx
      .selectFrom('validation_rules')
      .selectAll()
      .where('id', '=', ruleId)
      .executeTakeFirst();
    if (!current)
      throw new AppError('NOT_FOUND', {
        params: { entity: { vi: 'quy tắc kiểm tra', en: 'Validation rule' } },
      });
    const def = await getFormDef(tx, current.form_id);
    const operator = v.operator ?? current.operator;
    const ratioMin = v.ratioMin !== undefined ? v.ratioMin : current.ratio_min;
    const ratioMax = v.ratioMax !== undefined ? v.ratioMax : current.ratio_max;
    // The operator and its bounds are checked together with the stored half.
    parseInput(RuleUpdateInput, { operator, ratioMin, ratioMax });
    const problems = refProblems(def, v);
    if (problems.length) throw invalid(problems);
    const row = await tx
      .updateTable('validation_rules')
      .set({
        ...(v.leftExpr !== undefined && { left_expr: v.leftExpr }),
        ...(v.rightExpr !== undefined && { right_expr: v.rightExpr }),
        operator,
        ratio_min: operator === 'ratio_between' ? ratioMin : null,
        ratio_max: operator === 'ratio_between' ? ratioMax : null,
        ...(v.severity !== undefined && { severity: v.severity }),
        ...(v.messageVi !== undefined && { message_vi: v.messageVi }),
        ...(v.messageEn !== undefined && { message_en: v.messageEn }),
        ...(v.position !== undefined && { position: v.position }),
        ...(v.active !== undefined && { active: v.active }),
        updated_at: new Date(),
      })
      .where('id', '=', ruleId)
      .returningAll()
      .executeTakeFirstOrThrow();
    const view = presentRule(row);
    await recordAudit(tx, ctx, {
      action: 'reporting.rule.update',
      entityType: 'validation_rule',
      entityId: row.id,
      before: presentRule(current),
      after: view,
    });
    return view;
  });
}

/**
 * Deletes a validation rule (administrators). Rules are evaluated live and never stored with values, so past
 * reports are unaffected; the audit row keeps what the rule said.
 */
export async function deleteRule(ctx: Ctx, ruleId: string) {
  assertAllowed(ctx, 'reporting.form.write');
  return ctx.db.transaction().execute(async (tx) => {
    const current = await tx
      .selectFrom('validation_rules')
      .selectAll()
      .where('id', '=', ruleId)
      .executeTakeFirst();
    if (!current)
      throw new AppError('NOT_FOUND', {
        params: { entity: { vi: 'quy tắc kiểm tra', en: 'Validation rule' } },
      });
    await tx.deleteFrom('validation_rules').where('id', '=', ruleId).execute();
    await recordAudit(tx, ctx, {
      action: 'reporting.rule.delete',
      entityType: 'validation_rule',
      entityId: ruleId,
      before: presentRule(current),
    });
    return { id: ruleId };
  });
}
