import { PLAN_INDICATORS, PlanInput, type PlanInput as PlanInputType } from '@heza/shared/registry';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Ctx } from '../../../platform/context.ts';
import { parseInput } from '../../../platform/http/validation.ts';
import { presentPlan } from '../presenter.ts';
import { assertCan } from '../scope.ts';
import { duplicate } from './errors.ts';

/**
 * Records a plan or target (a value or a range, with the deciding document). Plans are never edited: a revision
 * is a new record with a later `effectiveFrom`, and figures use the revision in force. Plans are authority-wide,
 * so staff need an all-zones jurisdiction.
 */
export async function recordPlan(ctx: Ctx, input: PlanInputType) {
  const v = parseInput(PlanInput, input);
  await assertCan(ctx, 'registry.plan.write', []);
  const yearTo = v.yearTo ?? v.yearFrom;
  return ctx.db.transaction().execute(async (tx) => {
    const taken = await tx
      .selectFrom('plans')
      .select('id')
      .where('indicator', '=', v.indicator)
      .where('year_from', '=', v.yearFrom)
      .where('year_to', '=', yearTo)
      .where('effective_from', '=', v.effectiveFrom)
      .executeTakeFirst();
    if (taken) {
      throw duplicate(
        'effectiveFrom',
        { vi: 'kế hoạch', en: 'plan' },
        'Đã có kế hoạch của chỉ tiêu này áp dụng từ ngày đó; ghi bản điều chỉnh với ngày áp dụng khác.',
        'A plan for this indicator already applies from that date; record the revision with another date.',
      );
    }
    const row = await tx
      .insertInto('plans')
      .values({
        indicator: v.indicator,
        year_from: v.yearFrom,
        year_to: yearTo,
        value: v.value ?? null,
        range_low: v.rangeLow ?? null,
        range_high: v.rangeHigh ?? null,
        unit: PLAN_INDICATORS[v.indicator],
        decision_no: v.decisionNo,
        decision_date: v.decisionDate ?? null,
        decision_issuer: v.decisionIssuer,
        effective_from: v.effectiveFrom,
        source: v.source,
        note: v.note,
        recorded_by: ctx.actor?.id ?? null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const view = presentPlan(row);
    await recordAudit(tx, ctx, {
      action: 'registry.plan.record',
      entityType: 'plan',
      entityId: row.id,
      after: view,
    });
    return view;
  });
}
