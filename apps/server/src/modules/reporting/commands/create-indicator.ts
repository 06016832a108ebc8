import { bilingual } from '@heza/shared';
import {
  DISPLAY_UNITS,
  IndicatorInput,
  type IndicatorInput as IndicatorInputType,
} from '@heza/shared/reporting';
import { expressionRefs, parseExpression } from '@heza/shared/reporting-rules';
import type { Tx } from '../../../db/client.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { FieldProblem } from '../../../platform/errors.ts';
import { parseInput } from '../../../platform/http/validation.ts';
import { duplicate, invalid } from '../../registry/commands/errors.ts';
import { assertAllowed } from '../access.ts';
import { type Catalogue, combosOf, loadCatalogue, presentIndicator } from '../catalogue.ts';

/** Checks the references of an indicator definition against the catalogue; returns every problem. */
export function indicatorProblems(
  cat: Catalogue,
  v: {
    code?: string;
    unit?: string;
    displayUnit?: string | null;
    weightIndicator?: string | null;
    formula?: string | null;
    disaggregations?: { code: string }[];
  },
  disaggregationCodes: Set<string>,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (
    v.displayUnit &&
    v.unit &&
    DISPLAY_UNITS[v.displayUnit as keyof typeof DISPLAY_UNITS]?.base !== v.unit
  ) {
    problems.push({
      field: 'displayUnit',
      message: bilingual(
        'Đơn vị hiển thị không cùng loại với đơn vị của chỉ tiêu.',
        'The display unit does not match the unit.',
      ),
    });
  }
  if (v.weightIndicator) {
    const w = cat.byCode.get(v.weightIndicator);
    if (w?.source !== 'reported' || w.code === v.code) {
      problems.push({
        field: 'weightIndicator',
        message: bilingual(
          'Quyền số phải là một chỉ tiêu khác do doanh nghiệp báo cáo.',
          'The weight must be another reported indicator.',
        ),
      });
    }
  }
  if (v.formula) {
    for (const ref of expressionRefs(parseExpression(v.formula))) {
      const target = cat.byCode.get(ref.indicator);
      if (!target || target.source === 'computed' || (ref.combo && !combosOf(target).includes(ref.combo))) {
        problems.push({
          field: 'formula',
          message: bilingual(
            `Công thức dùng "${ref.indicator}${ref.combo ? `[${ref.combo}]` : ''}" không phải chỉ tiêu báo cáo hoặc từ sổ đăng ký.`,
            `The formula uses "${ref.indicator}${ref.combo ? `[${ref.combo}]` : ''}", which is not a reported or registry indicator.`,
          ),
        });
      }
    }
  }
  for (const [i, d] of (v.disaggregations ?? []).entries()) {
    if (!disaggregationCodes.has(d.code)) {
      problems.push({
        field: `disaggregations.${i}.code`,
        message: bilingual('Không có cách phân tổ này.', 'Unknown disaggregation.'),
      });
    }
  }
  return problems;
}

/** Replaces the breakdowns of an indicator. */
export async function linkDisaggregations(
  tx: Tx,
  indicatorId: number,
  list: { code: string; required: boolean }[],
) {
  await tx.deleteFrom('indicator_disaggregations').where('indicator_id', '=', indicatorId).execute();
  if (!list.length) return;
  const ids = await tx.selectFrom('disaggregations').select(['id', 'code']).execute();
  const byCode = new Map(ids.map((d) => [d.code, d.id]));
  await tx
    .insertInto('indicator_disaggregations')
    .values(
      list.map((d, position) => ({
        indicator_id: indicatorId,
        disaggregation_id: byCode.get(d.code)!,
        position,
        required: d.required,
      })),
    )
    .execute();
}

/** Adds an indicator to the catalogue (administrators): reported by enterprises or computed by a formula. */
export async function createIndicator(ctx: Ctx, input: IndicatorInputType) {
  const v = parseInput(IndicatorInput, input);
  assertAllowed(ctx, 'reporting.indicator.write');
  return ctx.db.transaction().execute(async (tx) => {
    const cat = await loadCatalogue(tx);
    if (cat.byCode.has(v.code)) {
      throw duplicate(
        'code',
        { vi: 'mã chỉ tiêu', en: 'indicator code' },
        'Đã có chỉ tiêu với mã này.',
        'An indicator with this code exists.',
      );
    }
    const disCodes = new Set(
      (await tx.selectFrom('disaggregations').select('code').execute()).map((d) => d.code),
    );
    const problems = indicatorProblems(cat, v, disCodes);
    if (problems.length) throw invalid(problems);
    const row = await tx
      .insertInto('indicators')
      .values({
        code: v.code,
        name_vi: v.nameVi,
        name_en: v.nameEn,
        name_zh: v.nameZh,
        name_ko: v.nameKo,
        name_ja: v.nameJa,
        description_vi: v.descriptionVi,
        description_en: v.descriptionEn,
        unit: v.unit,
        display_unit: v.displayUnit ?? v.unit,
        value_type: v.valueType,
        decimals: v.decimals,
        allow_negative: v.allowNegative,
        source: v.source,
        aggregation: v.source === 'computed' ? 'formula' : v.aggregation,
        weight_indicator_id: v.weightIndicator ? cat.byCode.get(v.weightIndicator)!.id : null,
        formula: v.source === 'computed' ? (v.formula ?? null) : null,
        plan_indicator: v.planIndicator ?? null,
        sort_order: v.sortOrder,
        active: v.active,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await linkDisaggregations(tx, row.id, v.disaggregations);
    const after = await loadCatalogue(tx);
    const view = presentIndicator(after.byId.get(row.id)!, after);
    await recordAudit(tx, ctx, {
      action: 'reporting.indicator.create',
      entityType: 'indicator',
      entityId: v.code,
      after: view,
    });
    return view;
  });
}
