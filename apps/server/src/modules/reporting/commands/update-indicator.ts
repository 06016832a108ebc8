import { bilingual } from '@heza/shared';
import {
  IndicatorUpdateInput,
  type IndicatorUpdateInput as IndicatorUpdateInputType,
} from '@heza/shared/reporting';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { parseInput } from '../../../platform/http/validation.ts';
import { invalid } from '../../registry/commands/errors.ts';
import { assertAllowed } from '../access.ts';
import { getIndicator, loadCatalogue, presentIndicator } from '../catalogue.ts';
import { indicatorProblems, linkDisaggregations } from './create-indicator.ts';

/** Fields that change what stored values mean: frozen once values exist. */
const MEANING = [
  'unit',
  'valueType',
  'aggregation',
  'weightIndicator',
  'disaggregations',
  'allowNegative',
] as const;

/**
 * Changes an indicator (administrators). Names, descriptions, display unit, decimals, plan link, order and
 * the active flag can always change; the unit, value type, aggregation, weight and breakdowns only while no
 * value has been reported (they decide what stored numbers mean). Shipped indicators keep their formula.
 */
export async function updateIndicator(ctx: Ctx, code: string, input: IndicatorUpdateInputType) {
  const v = parseInput(IndicatorUpdateInput, input);
  assertAllowed(ctx, 'reporting.indicator.write');
  return ctx.db.transaction().execute(async (tx) => {
    const cat = await loadCatalogue(tx);
    const ind = getIndicator(cat, code);
    const before = presentIndicator(ind, cat);
    const touched = MEANING.filter(
      (k) => v[k] !== undefined && JSON.stringify(v[k]) !== JSON.stringify(before[k]),
    );
    if (touched.length) {
      const used = await tx
        .selectFrom('report_values')
        .select('indicator_id')
        .where('indicator_id', '=', ind.id)
        .limit(1)
        .executeTakeFirst();
      if (used || ind.source === 'registry') {
        throw new AppError('INVALID_STATE', {
          details: touched.map((field) => ({
            field,
            message: bilingual(
              'Không đổi được khi chỉ tiêu đã có số liệu báo cáo (hoặc lấy từ sổ đăng ký): số liệu cũ sẽ bị hiểu sai. Tạo chỉ tiêu mới.',
              'Cannot change once values were reported (or for a registry indicator): old values would be misread. Create a new indicator.',
            ),
          })),
        });
      }
    }
    if (v.formula !== undefined && ind.source !== 'computed') {
      throw invalid([
        {
          field: 'formula',
          message: bilingual(
            'Chỉ chỉ tiêu tính toán có công thức.',
            'Only computed indicators have a formula.',
          ),
        },
      ]);
    }
    const disCodes = new Set(
      (await tx.selectFrom('disaggregations').select('code').execute()).map((d) => d.code),
    );
    const problems = indicatorProblems(
      cat,
      { ...v, code, unit: v.unit ?? ind.unit, displayUnit: v.displayUnit ?? (v.unit ? v.unit : undefined) },
      disCodes,
    );
    if (problems.length) throw invalid(problems);
    await tx
      .updateTable('indicators')
      .set({
        ...(v.nameVi !== undefined && { name_vi: v.nameVi }),
        ...(v.nameEn !== undefined && { name_en: v.nameEn }),
        ...(v.nameZh !== undefined && { name_zh: v.nameZh }),
        ...(v.nameKo !== undefined && { name_ko: v.nameKo }),
        ...(v.nameJa !== undefined && { name_ja: v.nameJa }),
        ...(v.descriptionVi !== undefined && { description_vi: v.descriptionVi }),
        ...(v.descriptionEn !== undefined && { description_en: v.descriptionEn }),
        ...(v.unit !== undefined && { unit: v.unit, display_unit: v.displayUnit ?? v.unit }),
        ...(v.displayUnit !== undefined && { display_unit: v.displayUnit }),
        ...(v.valueType !== undefined && { value_type: v.valueType }),
        ...(v.decimals !== undefined && { decimals: v.decimals }),
        ...(v.allowNegative !== undefined && { allow_negative: v.allowNegative }),
        ...(v.aggregation !== undefined && ind.source === 'reported' && { aggregation: v.aggregation }),
        ...(v.weightIndicator !== undefined && {
          weight_indicator_id: v.weightIndicator ? cat.byCode.get(v.weightIndicator)!.id : null,
        }),
        ...(v.formula !== undefined && v.formula !== null && { formula: v.formula }),
        ...(v.planIndicator !== undefined && { plan_indicator: v.planIndicator }),
        ...(v.sortOrder !== undefined && { sort_order: v.sortOrder }),
        ...(v.active !== undefined && { active: v.active }),
        updated_at: new Date(),
      })
      .where('id', '=', ind.id)
      .execute();
    if (v.disaggregations !== undefined) await linkDisaggregations(tx, ind.id, v.disaggregations);
    const after = await loadCatalogue(tx);
    const view = presentIndicator(after.byId.get(ind.id)!, after);
    await recordAudit(tx, ctx, {
      action: 'reporting.indicator.update',
      entityType: 'indicator',
      entityId: code,
      before,
      after: view,
    });
    return view;
  });
}
